package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a command about one incident reads first: its state from the projection, and its template values. */
final class IncidentFacts {

    private IncidentFacts() {
    }

    static JsonNode of(Api api, String incidentId) {
        return api.fromProjection("/incidents/" + Api.encode(incidentId));
    }

    /** The placeholders every kind of template after the declaration can fill from the incident. */
    static Map<String, String> templateValues(JsonNode incident) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("component", String.join(", ", incident.path("components").valueStream().map(JsonNode::asText)
                .toList()));
        values.put("severity", incident.path("severity").asText());
        values.put("commander", incident.path("commander").asText(""));
        values.put("title", incident.path("title").asText());
        values.put("incidentId", incident.path("incidentId").asText());
        return values;
    }
}
