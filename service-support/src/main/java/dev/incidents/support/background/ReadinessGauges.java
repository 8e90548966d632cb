package dev.incidents.support.background;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness as a metric, {@code incident_readiness_up{check}} (1 up, 0 down), because Prometheus scrapes
 * /q/metrics, not /q/health: an alert can then say which check of which instance has been down and for how long.
 */
@Startup
@ApplicationScoped
public class ReadinessGauges {

    ReadinessGauges(MeterRegistry registry, @Readiness Instance<HealthCheck> checks) {
        for (HealthCheck check : checks) {
            String name = check.call().getName();
            Gauge.builder("incident.readiness.up", check,
                            it -> it.call().getStatus() == HealthCheckResponse.Status.UP ? 1 : 0)
                    .description("1 while the readiness check is UP, 0 while DOWN").tag("check", name)
                    .strongReference(true).register(registry);
        }
    }
}
