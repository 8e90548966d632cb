package dev.incidents.commands.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The body Alertmanager's webhook receiver sends (version "4"), one per alert group and again every
 * repeat_interval, and Grafana's webhook contact point, which sends the same body with a few fields more
 * ({@code orgId}, {@code title}, {@code state}, {@code message}, per alert {@code silenceURL}, {@code dashboardURL},
 * {@code panelURL}). Times stay strings so that a malformed one is reported with its field; fields this service does
 * not use ({@code values}, {@code imageURL}, ...) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertGroupNotification(String version, String groupKey, Integer truncatedAlerts, String status,
                                     String receiver, Map<String, String> groupLabels,
                                     Map<String, String> commonLabels, Map<String, String> commonAnnotations,
                                     String externalURL, List<Alert> alerts, Long orgId, String title, String state,
                                     String message) {

    public AlertGroupNotification {
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        alerts = alerts == null ? List.of() : alerts;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                        String endsAt, String generatorURL, String fingerprint, String silenceURL,
                        String dashboardURL, String panelURL) {

        public Alert {
            labels = labels == null ? Map.of() : labels;
            annotations = annotations == null ? Map.of() : annotations;
        }
    }
}
