package dev.incidents.commands.http;

import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.IncidentPolicy;
import dev.incidents.commands.domain.Severity;
import dev.incidents.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;

/**
 * The rules a form needs before it sends a command: each severity's update cadence (the latest a PUBLIC update may
 * promise the next one) and RCA window (the latest a resolution may commit the report to), as this service applies
 * them, so the dashboard and the CLI offer what will be accepted instead of guessing.
 */
@Path("/policy")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final IncidentPolicy policy;

    PolicyResource(IncidentDecider decider) {
        this.policy = decider.policy();
    }

    /** One severity's rules, in seconds. */
    public record SeverityRules(Severity severity, long cadenceSeconds, long rcaWindowSeconds) {
    }

    public record Policy(List<SeverityRules> severities) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.EMITTER, Roles.ADMIN})
    @Operation(summary = "Each severity's update cadence and RCA window, as the commands are decided with them")
    public Policy policy() {
        return new Policy(Arrays.stream(Severity.values()).map(severity -> new SeverityRules(severity,
                policy.cadenceOf(severity).toSeconds(), policy.rcaWindowOf(severity).toSeconds())).toList());
    }
}
