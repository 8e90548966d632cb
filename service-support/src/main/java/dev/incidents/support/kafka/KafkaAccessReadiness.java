package dev.incidents.support.kafka;

import dev.incidents.schemas.ServiceAccess;
import dev.incidents.support.background.Supervisor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Not ready while the service's Kafka principal lacks an ACL its {@link ServiceAccess} needs, naming each missing
 * operation and resource ("WRITE on topic incident-events"), so an operator reads the fix in /q/health/ready instead
 * of finding clients retrying in the logs. The brokers are asked on a supervised timer, every
 * {@code incidents.kafka.access-check-interval}; the check itself only reads the latest answer.
 */
@Readiness
@ApplicationScoped
public class KafkaAccessReadiness implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccessReadiness.class);
    private static final String NAME = "Kafka access";

    private final ServiceAccess access;
    private final KafkaClients clients;
    private final Supervisor supervisor;
    private final Duration interval;
    private Admin admin;
    private Supervisor.Timer timer;
    private volatile HealthCheckResponse latest = HealthCheckResponse.named(NAME).down()
            .withData("state", "not asked yet").build();

    KafkaAccessReadiness(ServiceAccess access, KafkaClients clients, Supervisor supervisor, KafkaConfig config) {
        this.access = access;
        this.clients = clients;
        this.supervisor = supervisor;
        this.interval = config.accessCheckInterval();
    }

    void start(@Observes StartupEvent started) {
        admin = clients.admin(access.service() + "-access-probe");
        timer = supervisor.timer("kafka-access-probe");
        timer.every(interval, this::ask);
    }

    /** The timer stops before the admin client it uses closes. */
    void stop(@Observes ShutdownEvent stopping) {
        try {
            if (timer != null) {
                timer.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        return latest;
    }

    private void ask() {
        HealthCheckResponse answer;
        try {
            List<String> missing = new AccessProbe(admin, interval.dividedBy(2)).missing(access);
            answer = missing.isEmpty()
                    ? HealthCheckResponse.named(NAME).up().withData("checked", access.service() + "'s topics, "
                    + "groups and transactional ids").build()
                    : HealthCheckResponse.named(NAME).down().withData("missing ACLs", String.join("; ", missing))
                    .build();
        } catch (TimeoutException e) {
            answer = HealthCheckResponse.named(NAME).down().withData("state", "the brokers did not answer within "
                    + interval.dividedBy(2).toSeconds() + " s").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (answer.getStatus() != latest.getStatus()) {
            LOG.info("Kafka access is {}: {}", answer.getStatus(), answer.getData().orElseThrow());
        }
        latest = answer;
    }
}
