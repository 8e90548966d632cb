package dev.incidents.commands.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.CommandResult;
import dev.incidents.commands.app.CommandGateway;
import dev.incidents.commands.app.ComponentCatalog;
import dev.incidents.commands.app.IncidentsConfig;
import dev.incidents.commands.domain.ComponentAdmission;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.MaintenanceCommand;
import dev.incidents.commands.domain.MaintenanceDecider;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.commands.wire.CommandEnvelope;
import dev.incidents.commands.wire.CommandMapper;
import dev.incidents.commands.wire.MaintenanceEnvelope;
import dev.incidents.commands.wire.MaintenanceMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The common path of every command endpoint: refuse what needs no state to refuse (nothing is sent), check a
 * declare's or a maintenance window's components against the catalog, send the command, wait for its decision and
 * turn it into an HTTP answer.
 */
@ApplicationScoped
public class CommandSubmitter {

    private final IncidentDecider decider;
    private final MaintenanceDecider maintenanceDecider;
    private final CommandGateway gateway;
    private final Clock clock;
    private final ObjectMapper json;
    private final CommandMetrics metrics;
    private final ComponentCatalog catalog;
    private final IncidentsConfig.UnknownComponents unknown;

    CommandSubmitter(IncidentDecider decider, MaintenanceDecider maintenanceDecider, CommandGateway gateway,
                     Clock clock, ObjectMapper json, CommandMetrics metrics, ComponentCatalog catalog,
                     IncidentsConfig config) {
        this.decider = decider;
        this.maintenanceDecider = maintenanceDecider;
        this.catalog = catalog;
        this.unknown = config.components().unknown();
        this.gateway = gateway;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
    }

    Response submit(String incidentId, IncidentCommand command, Object body, RequestMeta meta, Response.Status created) {
        String commandId = meta.commandId(incidentId);
        return decide(commandId, incidentId, command, body, meta,
                meta.caller().machine() ? unknown.machines() : unknown.people())
                .map(decided -> answer(decided, created))
                .orElseGet(() -> pending(commandId, incidentId));
    }

    /**
     * Sends {@code command} as command {@code commandId} and waits for its decision.
     *
     * @param unknownComponents what a declare naming components the catalog does not have gets
     * @return the decision, or empty when it did not come in time (the command is recorded and will be decided)
     * @throws CommandRejectedException when the command is refused before it is sent (nothing is sent)
     */
    Optional<CommandResult> decide(String commandId, String incidentId, IncidentCommand command, Object body,
                                   RequestMeta meta, ComponentAdmission.Unknown unknownComponents) {
        Instant received = clock.instant();
        String type = command.getClass().getSimpleName();
        refuse(type, decider.precheck(command, received)
                .or(() -> command instanceof DeclareIncident declare
                        ? catalog.admit(declare.components(), meta.actor(), unknownComponents) : Optional.empty()));
        CommandEnvelope envelope = new CommandEnvelope(commandId, incidentId, meta.actor(), meta.expectedVersion(),
                fingerprint(CommandMapper.typeName(command), body), command);
        return measured(type, received, () -> gateway.submit(CommandMapper.toAvro(envelope)));
    }

    /**
     * As {@link #submit} for a maintenance window's command: the components it names must be the catalog's (a
     * window never adds to the catalog).
     */
    Response submitMaintenance(String maintenanceId, MaintenanceCommand command, Object body, RequestMeta meta,
                               Response.Status created) {
        String commandId = meta.commandId(maintenanceId);
        Instant received = clock.instant();
        String type = command.getClass().getSimpleName();
        refuse(type, maintenanceDecider.precheck(command, received)
                .or(() -> componentsNamed(command).flatMap(named -> catalog.admit(named, meta.actor(),
                        ComponentAdmission.Unknown.REJECT))));
        MaintenanceEnvelope envelope = new MaintenanceEnvelope(commandId, maintenanceId, meta.actor(),
                meta.expectedVersion(), fingerprint(MaintenanceMapper.typeName(command), body), command);
        return measured(type, received, () -> gateway.submit(MaintenanceMapper.toAvro(envelope)))
                .map(decided -> MaintenanceResponse.answer(decided, created))
                .orElseGet(() -> MaintenanceResponse.pending(commandId, maintenanceId));
    }

    private static Optional<List<String>> componentsNamed(MaintenanceCommand command) {
        return switch (command) {
            case MaintenanceCommand.ScheduleMaintenance c -> Optional.of(c.plan().components());
            case MaintenanceCommand.UpdateMaintenance c -> Optional.ofNullable(c.components());
            default -> Optional.empty();
        };
    }

    /** @throws CommandRejectedException with {@code refused}, if present (nothing is sent) */
    private void refuse(String type, Optional<Rejection> refused) {
        if (refused.isPresent()) {
            metrics.ended(type, CommandMetrics.Outcome.REFUSED, refused.get().reason().name(), Duration.ZERO);
            throw new CommandRejectedException(refused.get());
        }
    }

    private Optional<CommandResult> measured(String type, Instant received,
                                             Supplier<Optional<CommandResult>> sending) {
        Optional<CommandResult> result = sending.get();
        Duration waited = Duration.between(received, clock.instant());
        if (result.isEmpty()) {
            metrics.ended(type, CommandMetrics.Outcome.PENDING, "none", waited);
        } else {
            metrics.ended(type, CommandMetrics.Outcome.valueOf(result.get().getOutcome().name()),
                    result.get().getRejection() == null ? "none" : result.get().getRejection().getReason().name(),
                    waited);
        }
        return result;
    }

    /** 202 with where to ask for the decision later. */
    static Response pending(String commandId, String incidentId) {
        return Response.accepted(CommandResponse.pending(commandId, incidentId))
                .location(URI.create("/commands/" + commandId)).build();
    }

    static Response answer(CommandResult result, Response.Status created) {
        return switch (result.getOutcome()) {
            case ACCEPTED -> Response.status(created).entity(CommandResponse.of(result))
                    .location(URI.create("/incidents/" + result.getIncidentId()))
                    .tag(new EntityTag(String.valueOf(result.getVersion())))
                    .build();
            case DEDUPLICATED -> Response.ok(CommandResponse.of(result))
                    .location(URI.create("/incidents/" + result.getIncidentId()))
                    .tag(new EntityTag(String.valueOf(result.getVersion())))
                    .build();
            case REJECTED -> throw new CommandRejectedException(result.getRejection());
        };
    }

    /** @param typeName the command's type as the contract names it */
    private String fingerprint(String typeName, Object body) {
        try {
            byte[] canonical = json.writeValueAsBytes(body);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(typeName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
