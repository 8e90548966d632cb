package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads incident-events of the shared test broker as an outside consumer does: Confluent's wire format. */
final class IncidentEventsOnTopic {

    private final ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());

    /** The declarations made under {@code dedupKey}, whole events. */
    List<GenericRecord> declaredWithDedupKey(String dedupKey) throws IOException {
        List<GenericRecord> declared = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events")) {
            GenericRecord event = decoder.decode(record.value());
            GenericRecord payload = (GenericRecord) event.get("payload");
            if (payload.getSchema().getName().equals("IncidentDeclared")
                    && dedupKey.equals(String.valueOf(payload.get("dedupKey")))) {
                declared.add(event);
            }
        }
        return declared;
    }

    /** The payloads of incident {@code incidentId}'s events, in order. */
    List<GenericRecord> payloadsOf(String incidentId) throws IOException {
        List<GenericRecord> payloads = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events",
                r -> r.key().equals(incidentId))) {
            payloads.add((GenericRecord) decoder.decode(record.value()).get("payload"));
        }
        return payloads;
    }
}
