package dev.incidents.deploy.cluster;

import org.apache.avro.generic.GenericRecord;

/**
 * What the audits read from the topics, as plain values: the records are decoded as an outside reader would
 * (registry schema, generic Avro) and mapped here, so the audits know nothing of Avro.
 */
final class Facts {

    private Facts() {
    }

    /**
     * An event of {@code incident-events}.
     *
     * @param nextUpdateDueAt the public update deadline in force after the event (epoch ms); null when the event
     *                        does not state one
     */
    record Event(String incidentId, long sequence, String eventId, String causingCommandId, long occurredAt,
                 Long nextUpdateDueAt) {
    }

    /** A detection of {@code incident-detections}; {@code deadline} and {@code detectedAt} in epoch ms. */
    record Detection(String detectionId, String incidentId, String kind, long deadline, long detectedAt) {
    }

    static Event event(GenericRecord record) {
        GenericRecord payload = (GenericRecord) record.get("payload");
        Object due = payload.getSchema().getField("nextUpdateDueAt") == null ? null : payload.get("nextUpdateDueAt");
        return new Event(text(record, "incidentId"), (Long) record.get("sequence"), text(record, "eventId"),
                text(record, "causingCommandId"), (Long) record.get("occurredAt"), (Long) due);
    }

    static Detection detection(GenericRecord record) {
        return new Detection(text(record, "detectionId"), text(record, "incidentId"), text(record, "kind"),
                (Long) record.get("deadline"), (Long) record.get("detectedAt"));
    }

    private static String text(GenericRecord record, String field) {
        return String.valueOf(record.get(field));
    }
}
