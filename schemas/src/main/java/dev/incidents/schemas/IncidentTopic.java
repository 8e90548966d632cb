package dev.incidents.schemas;

import dev.incidents.avro.CommandResult;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentState;
import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.UpdateTemplate;
import dev.incidents.avro.internal.DedupKeyRequest;
import dev.incidents.avro.internal.RoutedCommand;
import dev.incidents.avro.notifier.DeliveryRecord;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.avro.notifier.Subscription;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every topic of the system with its value contract (the generated class whose schema its subject holds), its
 * subject's compatibility mode and how long it keeps data. Keys are strings (incident id, command id or dedup key);
 * raw topics (dead letters, clock ticks) carry bytes and have no subject. Provisioning, the services, the tests
 * and the compatibility guard all read this one list, and every producer, consumer and topology takes a topic's
 * name and serdes from its constant here, so each record is registered under its own topic's subject.
 *
 * @param <V> the value type: a generated Avro class, or {@code byte[]} for a raw topic
 */
public final class IncidentTopic<V> {

    public static final IncidentTopic<IncidentCommand> INCIDENT_COMMANDS = contract("incident-commands",
            IncidentCommand.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7)));
    public static final IncidentTopic<IncidentEvent> INCIDENT_EVENTS = contract("incident-events",
            IncidentEvent.class, Compatibility.BACKWARD_TRANSITIVE, Retention.FOREVER.stampedByBroker());
    public static final IncidentTopic<CommandResult> INCIDENT_COMMAND_RESULTS = contract("incident-command-results",
            CommandResult.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(1)));
    public static final IncidentTopic<DedupKeyRequest> INCIDENT_DEDUP_KEYS = contract("incident-dedup-keys",
            DedupKeyRequest.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7)));
    public static final IncidentTopic<RoutedCommand> INCIDENT_ROUTED_COMMANDS = contract("incident-routed-commands",
            RoutedCommand.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7)));
    public static final IncidentTopic<byte[]> INCIDENT_COMMANDS_DLQ = raw("incident-commands-dlq",
            Retention.of(Duration.ofDays(30)));
    public static final IncidentTopic<byte[]> INCIDENT_EVENTS_DLQ = raw("incident-events-dlq",
            Retention.of(Duration.ofDays(30)));
    public static final IncidentTopic<IncidentDetection> INCIDENT_DETECTIONS = contract("incident-detections",
            IncidentDetection.class, Compatibility.BACKWARD_TRANSITIVE, Retention.FOREVER);
    public static final IncidentTopic<IncidentState> INCIDENT_STATE = contract("incident-state",
            IncidentState.class, Compatibility.BACKWARD_TRANSITIVE, Retention.COMPACTED);
    /**
     * Empty ticks, one per partition every fraction of a second. Both they and incident-events carry the broker's
     * append time, so reading them side by side in timestamp order tells the projection how far its events are read.
     */
    public static final IncidentTopic<byte[]> INCIDENT_CLOCK_TICKS = raw("incident-clock-ticks",
            Retention.of(Duration.ofHours(1)).stampedByBroker());
    /** The component catalog, one record per component holding it whole; written by the command service. */
    public static final IncidentTopic<ComponentEvent> INCIDENT_COMPONENTS = contract("incident-components",
            ComponentEvent.class, Compatibility.BACKWARD_TRANSITIVE, Retention.COMPACTED);
    /** Update templates the dashboard and incidentctl offer, one record per template holding it whole. */
    public static final IncidentTopic<UpdateTemplate> INCIDENT_TEMPLATES = contract("incident-templates",
            UpdateTemplate.class, Compatibility.BACKWARD_TRANSITIVE, Retention.COMPACTED);
    /** Scheduled maintenance, decided like incidents: commands in, one writer per window, events out. */
    public static final IncidentTopic<MaintenanceCommand> MAINTENANCE_COMMANDS = contract("maintenance-commands",
            MaintenanceCommand.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7)));
    /**
     * Stamped by the broker like incident-events, and as many partitions as it, so the projection reads both beside
     * the clock ticks and times a window's start and end from the same reckoning as update deadlines.
     */
    public static final IncidentTopic<MaintenanceEvent> MAINTENANCE_EVENTS = contract("maintenance-events",
            MaintenanceEvent.class, Compatibility.BACKWARD_TRANSITIVE, Retention.FOREVER.stampedByBroker());
    /** Reminders before a window's start, starts that did not happen, ends overrun: the projection's timing. */
    public static final IncidentTopic<MaintenanceDetection> MAINTENANCE_DETECTIONS = contract(
            "maintenance-detections", MaintenanceDetection.class, Compatibility.BACKWARD_TRANSITIVE,
            Retention.FOREVER);
    public static final IncidentTopic<byte[]> MAINTENANCE_COMMANDS_DLQ = raw("maintenance-commands-dlq",
            Retention.of(Duration.ofDays(30)));
    public static final IncidentTopic<Subscription> NOTIFIER_SUBSCRIPTIONS = contract("notifier-subscriptions",
            Subscription.class, Compatibility.BACKWARD_TRANSITIVE, Retention.COMPACTED);
    public static final IncidentTopic<OutboundMessage> NOTIFIER_OUTBOX = contract("notifier-outbox",
            OutboundMessage.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(7)));
    public static final IncidentTopic<DeliveryRecord> NOTIFIER_DELIVERIES = contract("notifier-deliveries",
            DeliveryRecord.class, Compatibility.BACKWARD_TRANSITIVE, Retention.COMPACTED);
    /** Messages whose retry schedule is used up, kept whole so that they can be redelivered through the API. */
    public static final IncidentTopic<OutboundMessage> NOTIFIER_FAILED = contract("notifier-failed",
            OutboundMessage.class, Compatibility.BACKWARD_TRANSITIVE, Retention.of(Duration.ofDays(30)));
    /** Records of incident-events, incident-detections or the outbox the notifier cannot read; reason in headers. */
    public static final IncidentTopic<byte[]> NOTIFIER_DLQ = raw("notifier-dlq", Retention.of(Duration.ofDays(30)));

    private static final List<IncidentTopic<?>> ALL = List.of(INCIDENT_COMMANDS, INCIDENT_EVENTS,
            INCIDENT_COMMAND_RESULTS, INCIDENT_DEDUP_KEYS, INCIDENT_ROUTED_COMMANDS, INCIDENT_COMMANDS_DLQ,
            INCIDENT_EVENTS_DLQ, INCIDENT_DETECTIONS, INCIDENT_STATE, INCIDENT_CLOCK_TICKS, INCIDENT_COMPONENTS,
            INCIDENT_TEMPLATES,
            MAINTENANCE_COMMANDS, MAINTENANCE_EVENTS, MAINTENANCE_DETECTIONS, MAINTENANCE_COMMANDS_DLQ,
            NOTIFIER_SUBSCRIPTIONS,
            NOTIFIER_OUTBOX, NOTIFIER_DELIVERIES, NOTIFIER_FAILED, NOTIFIER_DLQ);

    private final String topicName;
    private final Class<V> valueType;
    private final Schema valueSchema;
    private final Compatibility compatibility;
    private final Retention retention;

    private IncidentTopic(String topicName, Class<V> valueType, Schema valueSchema, Compatibility compatibility,
                          Retention retention) {
        this.topicName = topicName;
        this.valueType = valueType;
        this.valueSchema = valueSchema;
        this.compatibility = compatibility;
        this.retention = retention;
    }

    private static <V extends SpecificRecord> IncidentTopic<V> contract(String topicName, Class<V> valueType,
                                                                       Compatibility compatibility,
                                                                       Retention retention) {
        return new IncidentTopic<>(topicName, valueType, SpecificData.getForClass(valueType).getSchema(valueType),
                compatibility, retention);
    }

    private static IncidentTopic<byte[]> raw(String topicName, Retention retention) {
        return new IncidentTopic<>(topicName, byte[].class, null, null, retention);
    }

    /** Every topic, in the order provisioning creates them. */
    public static List<IncidentTopic<?>> values() {
        return ALL;
    }

    public String topicName() {
        return topicName;
    }

    public Class<V> valueType() {
        return valueType;
    }

    /** Subject by topic name (TopicNameStrategy), or empty for a topic of raw bytes such as a dead-letter topic. */
    public Optional<String> valueSubject() {
        return valueSchema == null ? Optional.empty() : Optional.of(topicName + "-value");
    }

    /** The value schema the services' classes were built from, or null for a raw topic. */
    public Schema valueSchema() {
        return valueSchema;
    }

    public Compatibility compatibility() {
        return compatibility;
    }

    public Retention retention() {
        return retention;
    }

    @Override
    public String toString() {
        return topicName;
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
