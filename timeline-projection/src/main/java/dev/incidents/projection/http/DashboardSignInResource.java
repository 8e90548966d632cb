package dev.incidents.projection.http;

import dev.incidents.projection.app.ProjectionConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Tells the dashboard, before anyone is signed in, where to sign people in and where to send commands: the pages are
 * static files and the provider and the command service are configuration.
 */
@Path("/dashboard/sign-in")
@PermitAll
public class DashboardSignInResource {

    private final ProjectionConfig.Dashboard dashboard;

    DashboardSignInResource(ProjectionConfig config) {
        this.dashboard = config.dashboard();
    }

    /** The provider the dashboard signs in at, the client it signs in as, and the service it sends commands to. */
    public record SignIn(URI issuer, String clientId, URI commandsUrl) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the dashboard signs people in (the OpenID Connect issuer and the dashboard's client) "
            + "and sends commands")
    public SignIn signIn() {
        return new SignIn(dashboard.issuer(), dashboard.clientId(), dashboard.commandsUrl());
    }
}
