package dev.incidents.support.background;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a background loop or timer is down: a dead outbox dispatch or results follower means the service
 * answers but does not do its work. Names each piece with its state, and the error of one that is down.
 */
@Readiness
@ApplicationScoped
public class BackgroundReadiness implements HealthCheck {

    private final Supervisor supervisor;

    BackgroundReadiness(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background work").up();
        for (Supervisor.Status status : supervisor.loops()) {
            if (status.state() == Supervisor.State.FAILED) {
                response.down().withData(status.name(), "FAILED since " + status.since() + ": " + status.failure());
            } else {
                response.withData(status.name(), status.state() + (status.restarts() == 0 ? ""
                        : " (started again " + status.restarts() + " times)"));
            }
        }
        return response.build();
    }
}
