package dev.incidents.support.wire;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;

/**
 * Decodes a topic's records itself rather than in the source node, so that a record nobody can read goes to the
 * dead-letter sink inside the same transaction, with the reason in its headers, and the pipeline goes on.
 */
public final class ContractDecoder<V> extends ContextualProcessor<String, byte[], String, Object> {

    public static final String REASON_HEADER = "dlq.reason";
    public static final String ERROR_HEADER = "dlq.error";
    public static final String SOURCE_HEADER = "dlq.source";

    private final Deserializer<V> deserializer;
    private final String contract;
    private final BiPredicate<String, V> keyMatches;
    private final String next;
    private final String deadLetters;
    private final Counter deadLettered;

    /**
     * @param contract    the value type's name, for the reason header
     * @param keyMatches  whether the record's key is the one the contract says (e.g. the incident id)
     * @param next        the child that gets decoded records
     * @param deadLetters the sink child for what cannot be read
     * @param deadLettered counts what went there (see {@link DeadLetterMeter})
     */
    public ContractDecoder(Deserializer<V> deserializer, String contract, BiPredicate<String, V> keyMatches,
                           String next, String deadLetters, Counter deadLettered) {
        this.deserializer = deserializer;
        this.contract = contract;
        this.keyMatches = keyMatches;
        this.next = next;
        this.deadLetters = deadLetters;
        this.deadLettered = deadLettered;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            deadLetter(record, "Empty record (tombstone) where " + contract + " is expected", null);
            return;
        }
        V value;
        try {
            value = deserializer.deserialize(topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, "Not a valid " + contract + " in the registered Avro contract", e);
            return;
        }
        if (value == null || !keyMatches.test(record.key(), value)) {
            deadLetter(record, "The record key does not match the " + contract + " it carries", null);
            return;
        }
        context().forward(record.withValue(value), next);
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
                deadLetters);
        deadLettered.increment();
    }

    private String topic() {
        return context().recordMetadata().map(RecordMetadata::topic).orElse("unknown");
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
