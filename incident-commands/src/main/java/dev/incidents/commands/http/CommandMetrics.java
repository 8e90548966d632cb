package dev.incidents.commands.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * What became of the commands this instance received, as dashboards read it: {@code incident_commands_total} by
 * command and outcome (accepted, deduplicated, rejected or refused with the reason, pending when no decision came
 * in time) and {@code incident_command_decision_seconds} from HTTP receipt to decision.
 */
@ApplicationScoped
public class CommandMetrics {

    /** How a command ended for its HTTP request. */
    public enum Outcome { ACCEPTED, DEDUPLICATED, REJECTED, REFUSED, PENDING }

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param reason why it was rejected or refused ("none" otherwise), from a small fixed set */
    void ended(String command, Outcome outcome, String reason, Duration sinceReceipt) {
        Counter.builder("incident.commands").description("Commands received over HTTP, by how they ended")
                .tag("command", command).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry).increment();
        if (outcome != Outcome.REFUSED && outcome != Outcome.PENDING) {
            Timer.builder("incident.command.decision").description("From HTTP receipt to the decider's answer")
                    .tag("command", command).publishPercentileHistogram().register(registry).record(sinceReceipt);
        }
    }
}
