package dev.incidents.schemas;

import dev.incidents.avro.CommandResult;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentState;
import dev.incidents.avro.internal.DedupKeyRequest;
import dev.incidents.avro.internal.RoutedCommand;
import dev.incidents.avro.notifier.DeliveryRecord;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.avro.notifier.Subscription;
import org.apache.avro.Schema;

import java.time.Duration;
import java.util.Optional;

/**
 * Every topic of the system with its value contract, its subject's compatibility mode and how long it keeps data.
 * Keys are strings (incident id, command id or dedup key). Provisioning, the services and the compatibility test
 * all read this one list.
 */
public enum IncidentTopic {
    INCIDENT_COMMANDS("incident-commands", IncidentCommand.getClassSchema(), Compatibility.FULL_TRANSITIVE,
            Retention.of(Duration.ofDays(7))),
    INCIDENT_EVENTS("incident-events", IncidentEvent.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.FOREVER.stampedByBroker()),
    INCIDENT_COMMAND_RESULTS("incident-command-results", CommandResult.getClassSchema(),
            Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(1))),
    INCIDENT_DEDUP_KEYS("incident-dedup-keys", DedupKeyRequest.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.of(Duration.ofDays(7))),
    INCIDENT_ROUTED_COMMANDS("incident-routed-commands", RoutedCommand.getClassSchema(),
            Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7))),
    INCIDENT_COMMANDS_DLQ("incident-commands-dlq", null, null, Retention.of(Duration.ofDays(30))),
    INCIDENT_EVENTS_DLQ("incident-events-dlq", null, null, Retention.of(Duration.ofDays(30))),
    INCIDENT_DETECTIONS("incident-detections", IncidentDetection.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.FOREVER),
    INCIDENT_STATE("incident-state", IncidentState.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.COMPACTED),
    /**
     * Empty ticks, one per partition every fraction of a second. Both they and incident-events carry the broker's
     * append time, so reading them side by side in timestamp order tells the projection how far its events are read.
     */
    INCIDENT_CLOCK_TICKS("incident-clock-ticks", null, null, Retention.of(Duration.ofHours(1)).stampedByBroker()),
    NOTIFIER_SUBSCRIPTIONS("notifier-subscriptions", Subscription.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.COMPACTED),
    NOTIFIER_OUTBOX("notifier-outbox", OutboundMessage.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.of(Duration.ofDays(7))),
    NOTIFIER_DELIVERIES("notifier-deliveries", DeliveryRecord.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.COMPACTED),
    /** Messages whose retry schedule is used up, kept whole so that they can be redelivered through the API. */
    NOTIFIER_FAILED("notifier-failed", OutboundMessage.getClassSchema(), Compatibility.BACKWARD_TRANSITIVE,
            Retention.of(Duration.ofDays(30))),
    /** Records of incident-events, incident-detections or the outbox the notifier cannot read; reason in headers. */
    NOTIFIER_DLQ("notifier-dlq", null, null, Retention.of(Duration.ofDays(30)));

    private final String topicName;
    private final Schema valueSchema;
    private final Compatibility compatibility;
    private final Retention retention;

    IncidentTopic(String topicName, Schema valueSchema, Compatibility compatibility, Retention retention) {
        this.topicName = topicName;
        this.valueSchema = valueSchema;
        this.compatibility = compatibility;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    /** Subject by topic name (TopicNameStrategy), or empty for a topic of raw bytes such as a dead-letter topic. */
    public Optional<String> valueSubject() {
        return valueSchema == null ? Optional.empty() : Optional.of(topicName + "-value");
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    public Compatibility compatibility() {
        return compatibility;
    }

    public Retention retention() {
        return retention;
    }

    /**
     * How a topic keeps data (time-bounded delete, forever, or compacted to the latest value per key) and whether
     * its record timestamps are the broker's append time, which never goes backwards within a partition.
     */
    public record Retention(long retentionMs, boolean compacted, boolean brokerTimestamps) {
        public static final Retention FOREVER = new Retention(-1, false, false);
        public static final Retention COMPACTED = new Retention(-1, true, false);

        public static Retention of(Duration duration) {
            return new Retention(duration.toMillis(), false, false);
        }

        Retention stampedByBroker() {
            return new Retention(retentionMs, compacted, true);
        }
    }
}
