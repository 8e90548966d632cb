package dev.incidents.commands.decider;

import dev.incidents.avro.IncidentCommand;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;

/**
 * Decodes incident-commands records itself rather than in the source node, so that a record nobody can read is
 * moved to the dead-letter topic inside the same transaction, with the reason in its headers, and the decider
 * goes on with the next one.
 */
final class CommandDecoder extends ContextualProcessor<String, byte[], String, Object> {

    static final String REASON_HEADER = "dlq.reason";
    static final String ERROR_HEADER = "dlq.error";
    static final String SOURCE_HEADER = "dlq.source";

    private final Deserializer<IncidentCommand> deserializer;

    CommandDecoder(Deserializer<IncidentCommand> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            deadLetter(record, "Empty record (tombstone) on a command topic", null);
            return;
        }
        IncidentCommand command;
        try {
            command = deserializer.deserialize(topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, "Not an IncidentCommand in the registered Avro contract", e);
            return;
        }
        if (command == null || !command.getIncidentId().equals(record.key())) {
            deadLetter(record, "The record key must be the command's incidentId", null);
            return;
        }
        context().forward(record.withValue(command), DeciderTopology.DECIDER);
    }

    private void deadLetter(Record<String, byte[]> record, String reason, Exception error) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        if (error != null) {
            headers.add(ERROR_HEADER, describe(error).getBytes(StandardCharsets.UTF_8));
        }
        String source = context().recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
                .orElse("unknown");
        headers.add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        context().forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                DeciderTopology.DEAD_LETTER_SINK);
    }

    private String topic() {
        return context().recordMetadata().map(RecordMetadata::topic).orElse(DeciderTopology.COMMANDS_TOPIC);
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
