package dev.incidents.schemas;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.incidents.schemas.IncidentTopic.INCIDENT_CLOCK_TICKS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_COMMANDS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_COMMANDS_DLQ;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_COMMAND_RESULTS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_COMPONENTS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_DEDUP_KEYS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_DETECTIONS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_EVENTS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_EVENTS_DLQ;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_ROUTED_COMMANDS;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_STATE;
import static dev.incidents.schemas.IncidentTopic.INCIDENT_TEMPLATES;
import static dev.incidents.schemas.IncidentTopic.MAINTENANCE_COMMANDS;
import static dev.incidents.schemas.IncidentTopic.MAINTENANCE_COMMANDS_DLQ;
import static dev.incidents.schemas.IncidentTopic.MAINTENANCE_DETECTIONS;
import static dev.incidents.schemas.IncidentTopic.MAINTENANCE_EVENTS;
import static dev.incidents.schemas.IncidentTopic.NOTIFIER_DELIVERIES;
import static dev.incidents.schemas.IncidentTopic.NOTIFIER_DLQ;
import static dev.incidents.schemas.IncidentTopic.NOTIFIER_FAILED;
import static dev.incidents.schemas.IncidentTopic.NOTIFIER_OUTBOX;
import static dev.incidents.schemas.IncidentTopic.NOTIFIER_SUBSCRIPTIONS;

/**
 * What each service may do on Kafka, beside the topic catalog it is written against: the topics it reads and
 * writes, its consumer groups, and its Kafka Streams application id (which also names its group, its transactional
 * ids and its internal topics). Provisioning grants each service's principal exactly this and nothing more, and each
 * service's tests check its topology against it, so the list cannot drift from the code.
 *
 * @param service             the service, and the default name of its Kafka principal ({@code User:<service>})
 * @param streamsApplicationId the {@code application.id} of its Kafka Streams app
 * @param groups              consumer groups it joins besides its Streams app's
 */
public record ServiceAccess(String service, String streamsApplicationId, Set<IncidentTopic<?>> reads,
                            Set<IncidentTopic<?>> writes, Set<String> groups) {

    public static final ServiceAccess INCIDENT_COMMANDS_SERVICE = new ServiceAccess("incident-commands",
            "incident-commands",
            Set.of(INCIDENT_COMMANDS, INCIDENT_ROUTED_COMMANDS, INCIDENT_DEDUP_KEYS, INCIDENT_COMMAND_RESULTS,
                    INCIDENT_COMPONENTS, INCIDENT_TEMPLATES, MAINTENANCE_COMMANDS),
            Set.of(INCIDENT_COMMANDS, INCIDENT_EVENTS, INCIDENT_COMMAND_RESULTS, INCIDENT_DEDUP_KEYS,
                    INCIDENT_ROUTED_COMMANDS, INCIDENT_COMMANDS_DLQ, INCIDENT_COMPONENTS, INCIDENT_TEMPLATES,
                    MAINTENANCE_COMMANDS,
                    MAINTENANCE_EVENTS, MAINTENANCE_COMMANDS_DLQ),
            Set.of());

    public static final ServiceAccess TIMELINE_PROJECTION_SERVICE = new ServiceAccess("timeline-projection",
            "timeline-projection",
            Set.of(INCIDENT_EVENTS, INCIDENT_CLOCK_TICKS, INCIDENT_STATE, INCIDENT_DETECTIONS, INCIDENT_COMPONENTS,
                    MAINTENANCE_EVENTS),
            Set.of(INCIDENT_STATE, INCIDENT_DETECTIONS, INCIDENT_EVENTS_DLQ, INCIDENT_CLOCK_TICKS,
                    MAINTENANCE_DETECTIONS),
            Set.of());

    public static final ServiceAccess NOTIFIER_SERVICE = new ServiceAccess("notifier-service", "notifier-planner",
            Set.of(INCIDENT_EVENTS, INCIDENT_DETECTIONS, NOTIFIER_SUBSCRIPTIONS, NOTIFIER_OUTBOX, NOTIFIER_DELIVERIES,
                    NOTIFIER_FAILED, INCIDENT_COMPONENTS, MAINTENANCE_EVENTS, MAINTENANCE_DETECTIONS),
            Set.of(NOTIFIER_OUTBOX, NOTIFIER_DLQ, NOTIFIER_SUBSCRIPTIONS, NOTIFIER_DELIVERIES, NOTIFIER_FAILED),
            Set.of("notifier-dispatcher"));

    private static final List<ServiceAccess> ALL = List.of(INCIDENT_COMMANDS_SERVICE, TIMELINE_PROJECTION_SERVICE,
            NOTIFIER_SERVICE);

    public ServiceAccess {
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
        groups = Set.copyOf(groups);
    }

    public static List<ServiceAccess> values() {
        return ALL;
    }

    /** The topic names it reads, for comparing with what a topology's sources name. */
    public Set<String> readTopicNames() {
        return names(reads);
    }

    public Set<String> writeTopicNames() {
        return names(writes);
    }

    private static Set<String> names(Set<IncidentTopic<?>> topics) {
        return topics.stream().map(IncidentTopic::topicName).collect(Collectors.toSet());
    }
}
