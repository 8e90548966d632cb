package dev.incidents.commands.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means a command sent now is decided and answered without waiting behind older results: the results listener
 * has read what was on incident-command-results at start (the decider's own readiness is Kafka Streams' state).
 */
@Readiness
@ApplicationScoped
public class ResultsReadiness implements HealthCheck {

    private final CommandResultsListener listener;

    ResultsReadiness(CommandResultsListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("command results").status(listener.caughtUp()).build();
    }
}
