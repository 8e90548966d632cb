package dev.incidents.commands.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.avro.CommandResult;
import dev.incidents.avro.RejectionReason;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.intake.AlertGroupNotification;
import dev.incidents.commands.intake.AlertGroupReports;
import dev.incidents.commands.intake.PagerDutyEvents;
import dev.incidents.support.http.InvalidField;
import dev.incidents.support.security.Roles;
import dev.incidents.support.security.SignedInCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static jakarta.ws.rs.core.Response.Status.CREATED;

/**
 * The intake of monitors that know first (rule 1): Alertmanager's and Grafana's webhooks and PagerDuty's Events API
 * v2, each in its own format and answered in its own shape. Every notification is one report of an alert group: it
 * declares an incident when something fires and no open incident holds the group, and otherwise tells that incident
 * what changed. Monitors sign in as machines with the incident-emitter role; none of them can resolve an incident.
 */
@Path("/integrations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EMITTER, Roles.ADMIN})
public class IntegrationResource {

    private final CommandSubmitter submitter;
    private final SignedInCaller callers;
    private final IntakeSettings settings;
    private final Clock clock;

    IntegrationResource(CommandSubmitter submitter, SignedInCaller callers, IntakeSettings settings, Clock clock) {
        this.submitter = submitter;
        this.callers = callers;
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Path("alertmanager")
    @Operation(summary = "Alertmanager's webhook (version 4): one incident per alert group, changes as INTERNAL updates")
    public Response alertmanager(AlertGroupNotification notification) {
        return alertGroup(AlertGroupReports.Monitor.ALERTMANAGER, notification);
    }

    @POST
    @Path("grafana")
    @Operation(summary = "Grafana's webhook contact point: as Alertmanager's")
    public Response grafana(AlertGroupNotification notification) {
        return alertGroup(AlertGroupReports.Monitor.GRAFANA, notification);
    }

    @POST
    @Path("pagerduty/v2/enqueue")
    @Operation(summary = "PagerDuty Events API v2: trigger, acknowledge, resolve; answered as PagerDuty answers")
    public Response pagerDuty(JsonNode event) {
        PagerDutyEvents.Report report;
        try {
            report = PagerDutyEvents.read(event, settings.integrationsByRoutingKey(), settings.rules(),
                    clock.instant(), () -> UUID.randomUUID().toString());
        } catch (PagerDutyEvents.InvalidEvent e) {
            return PagerDutyAnswer.invalid(e.errors());
        }
        try {
            Optional<CommandResult> decided = send(report.report(), event).decided();
            if (decided.isPresent() && refused(decided.get())) {
                return PagerDutyAnswer.invalid(List.of(decided.get().getRejection().getDetail()));
            }
        } catch (CommandRejectedException e) {
            return PagerDutyAnswer.invalid(List.of(e.getMessage()));
        }
        return PagerDutyAnswer.processed(report.dedupKey());
    }

    private Response alertGroup(AlertGroupReports.Monitor monitor, AlertGroupNotification notification) {
        if (notification == null) {
            throw new InvalidField("body", "A JSON request body is required.");
        }
        Sent sent = send(AlertGroupReports.report(monitor, notification, settings.rules(), clock.instant()),
                notification);
        if (sent.decided().isEmpty()) {
            return CommandSubmitter.pending(sent.commandId(), sent.incidentId());
        }
        CommandResult decided = sent.decided().get();
        return nothingFires(decided) ? Response.ok(CommandResponse.ignored(decided)).build()
                : CommandSubmitter.answer(decided, CREATED);
    }

    /** A report sent as the declare of a new incident, which the dedup key may turn into a join. */
    private record Sent(String commandId, String incidentId, Optional<CommandResult> decided) {
    }

    private Sent send(DeclareIncident report, Object body) {
        RequestMeta meta = RequestMeta.from(callers.current(), null, null);
        String incidentId = meta.newIncidentId();
        String commandId = meta.commandId(incidentId);
        return new Sent(commandId, incidentId, submitter.decide(commandId, incidentId, report, body, meta,
                settings.unknownComponents()));
    }

    /** The report of a group no open incident holds, in which nothing fires: nothing to declare, nothing wrong. */
    private static boolean nothingFires(CommandResult result) {
        return result.getRejection() != null && result.getRejection().getReason() == RejectionReason.NOT_FOUND;
    }

    private static boolean refused(CommandResult result) {
        return result.getRejection() != null && !nothingFires(result);
    }
}
