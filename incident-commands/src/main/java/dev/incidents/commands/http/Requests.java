package dev.incidents.commands.http;

import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.IncidentStatus;
import dev.incidents.commands.domain.Severity;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.support.http.IncidentIds;
import dev.incidents.support.http.InvalidField;

import java.util.List;

/**
 * JSON bodies of the command endpoints. Timestamps stay strings here so that a malformed one is reported with
 * its field name; content rules (lengths, required fields) live in the domain and apply to Kafka commands too.
 */
public final class Requests {

    private Requests() {
    }

    /**
     * @param what "incident", "maintenance": what the id names
     * @throws CommandRejectedException not found, for an id no incident or window can have (nothing is sent)
     */
    static String wellFormedId(String id, String what) {
        if (!IncidentIds.isWellFormed(id)) {
            throw new CommandRejectedException(Rejection.notFound(what));
        }
        return id;
    }

    /** @throws InvalidField when the request came without a body */
    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidField("body", "A JSON request body is required.");
        }
        return body;
    }

    public record DeclareIncident(String title, Severity severity, String summary, List<String> components,
                                  String commander, String detectedAt, String dedupKey, String source) {
    }

    public record PostUpdate(IncidentStatus status, String message, Audience audience, String nextUpdateAt) {
    }

    public record ChangeSeverity(Severity severity, String reason) {
    }

    public record ResolveIncident(String message, String rcaDueAt, String rcaOwner) {
    }

    public record ReopenIncident(String reason) {
    }

    public record CorrectiveAction(String description, String owner, String dueAt) {
    }

    public record ThirdParty(String vendor, String description) {
    }

    public record PublishRca(String rootCause, List<CorrectiveAction> correctiveActions, ThirdParty thirdParty) {
    }

    public record LinkCustomerReport(String receivedAt, String channel, String reference) {
    }

    public record CompleteCorrectiveAction(String note) {
    }

    public record DeclineCorrectiveAction(String reason) {
    }

    public record RescheduleCorrectiveAction(String dueAt, String reason) {
    }

    public record ScheduleMaintenance(String title, String description, List<String> components, String startsAt,
                                      String endsAt, Audience audience) {
    }

    public record UpdateMaintenance(String message, String title, String description, List<String> components,
                                    String startsAt, String endsAt) {
    }

    /** Starting or completing a window, with what its audience is told. */
    public record MaintenanceStep(String message) {
    }

    public record CancelMaintenance(String reason) {
    }
}
