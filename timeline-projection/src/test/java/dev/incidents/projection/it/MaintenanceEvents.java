package dev.incidents.projection.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
import dev.incidents.schemas.IncidentTopic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes maintenance events to the test stack's maintenance-events topic, as the command service would. */
public final class MaintenanceEvents {

    private MaintenanceEvents() {
    }

    /** Writes the events in order and waits until Kafka has every one of them. */
    public static void publish(MaintenanceEvent... events) {
        IncidentEvents.publishTo(IncidentTopic.MAINTENANCE_EVENTS, MaintenanceEvent::getMaintenanceId,
                List.of(events));
    }

    public static MaintenanceEvent event(String maintenanceId, long sequence, Instant at, Object payload) {
        return MaintenanceEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setMaintenanceId(maintenanceId).setSequence(sequence).setOccurredAt(at)
                .setActor(new Actor("alice", ActorKind.PERSON)).setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(payload).build();
    }

    public static MaintenanceScheduled scheduled(String title, List<String> components, Instant startsAt,
                                                 Instant endsAt, Audience audience) {
        return new MaintenanceScheduled(title, "What customers will notice: " + title, components, startsAt, endsAt,
                audience);
    }
}
