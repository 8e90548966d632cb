package dev.incidents.commands.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.CommandResult;
import dev.incidents.commands.app.CommandGateway;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.Rejection;
import dev.incidents.commands.wire.CommandEnvelope;
import dev.incidents.commands.wire.CommandMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The common path of every command endpoint: refuse what needs no state to refuse (nothing is sent), send the
 * command, wait for its decision and turn it into an HTTP answer.
 */
@ApplicationScoped
public class CommandSubmitter {

    private final IncidentDecider decider;
    private final CommandGateway gateway;
    private final Clock clock;
    private final ObjectMapper json;

    CommandSubmitter(IncidentDecider decider, CommandGateway gateway, Clock clock, ObjectMapper json) {
        this.decider = decider;
        this.gateway = gateway;
        this.clock = clock;
        this.json = json;
    }

    Response submit(String incidentId, IncidentCommand command, Object body, RequestMeta meta, Response.Status created) {
        Optional<Rejection> refused = decider.precheck(command, clock.instant());
        if (refused.isPresent()) {
            throw new CommandRejectedException(refused.get());
        }
        String commandId = meta.commandId(incidentId);
        CommandEnvelope envelope = new CommandEnvelope(commandId, incidentId, meta.actor(), meta.expectedVersion(),
                fingerprint(command, body), command);
        Optional<CommandResult> result = gateway.submit(CommandMapper.toAvro(envelope));
        if (result.isEmpty()) {
            return Response.accepted(CommandResponse.pending(commandId, incidentId))
                    .location(URI.create("/commands/" + commandId)).build();
        }
        return answer(result.get(), created);
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

    private String fingerprint(IncidentCommand command, Object body) {
        try {
            byte[] canonical = json.writeValueAsBytes(body);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(CommandMapper.typeName(command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
