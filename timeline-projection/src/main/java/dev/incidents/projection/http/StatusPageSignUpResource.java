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
 * Tells the status page where its readers subscribe: the notifier's POST /public/subscriptions, which is
 * configuration (another port locally, the status page's own host behind the public ingress).
 */
@Path("/public/sign-up")
@PermitAll
public class StatusPageSignUpResource {

    private final URI subscriptionsUrl;

    StatusPageSignUpResource(ProjectionConfig config) {
        this.subscriptionsUrl = config.statusPage().subscriptionsUrl();
    }

    /** Where the page's subscribe form posts. */
    public record SignUp(URI subscriptionsUrl) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where status page readers subscribe (the notifier's POST /public/subscriptions)")
    public SignUp signUp() {
        return new SignUp(subscriptionsUrl);
    }
}
