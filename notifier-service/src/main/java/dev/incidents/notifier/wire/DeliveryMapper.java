package dev.incidents.notifier.wire;

import dev.incidents.avro.notifier.DeliveryRecord;
import dev.incidents.avro.notifier.DeliveryStatus;
import dev.incidents.notifier.domain.Delivery;
import dev.incidents.notifier.domain.MessageKind;

/** Delivery ledger entries between the domain and their Avro record on notifier-deliveries. */
public final class DeliveryMapper {

    private DeliveryMapper() {
    }

    public static DeliveryRecord toAvro(Delivery d) {
        return DeliveryRecord.newBuilder().setMessageId(d.messageId()).setSubscriptionId(d.subscriptionId())
                .setIncidentId(d.incidentId()).setMaintenanceId(d.maintenanceId())
                .setKind(dev.incidents.avro.notifier.MessageKind.valueOf(d.kind().name()))
                .setStatus(DeliveryStatus.valueOf(d.status().name())).setAttempts(d.attempts())
                .setLastAttemptAt(d.lastAttemptAt()).setNextAttemptAt(d.nextAttemptAt())
                .setLastError(d.lastError()).setLastHttpStatus(d.lastHttpStatus()).setUpdatedAt(d.updatedAt())
                .build();
    }

    public static Delivery toDomain(DeliveryRecord r) {
        return new Delivery(r.getMessageId(), r.getSubscriptionId(), r.getIncidentId(), r.getMaintenanceId(),
                MessageKind.valueOf(r.getKind().name()), Delivery.Status.valueOf(r.getStatus().name()),
                r.getAttempts(), r.getLastAttemptAt(), r.getNextAttemptAt(), r.getLastError(), r.getLastHttpStatus(),
                r.getUpdatedAt());
    }
}
