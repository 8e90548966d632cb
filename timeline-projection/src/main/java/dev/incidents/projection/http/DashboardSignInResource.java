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
 * Tells the dashboard, before anyone is signed in, where to sign people in: the pages are static files and the
 * provider is configuration.
 */
@Path("/dashboard/sign-in")
@PermitAll
public class DashboardSignInResource {

    private final ProjectionConfig.Dashboard dashboard;

    DashboardSignInResource(ProjectionConfig config) {
        this.dashboard = config.dashboard();
    }

    /** The provider the dashboard signs in at, and the client it signs in as. */
    public record SignIn(URI issuer, String clientId) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the dashboard signs people in: the OpenID Connect issuer and the dashboard's client")
    public SignIn signIn() {
        return new SignIn(dashboard.issuer(), dashboard.clientId());
    }
}
