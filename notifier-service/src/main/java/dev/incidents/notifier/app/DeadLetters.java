package dev.incidents.notifier.app;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.support.wire.ContractDecoder;
import dev.incidents.support.wire.DeadLetterMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Copies a record nobody can read to notifier-dlq, as received, with the reason in the same headers as elsewhere. */
final class DeadLetters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Counter deadLettered;

    DeadLetters(KafkaClients clients, MeterRegistry registry) {
        deadLettered = DeadLetterMeter.counter(registry, IncidentTopic.NOTIFIER_DLQ.topicName());
        producer = clients.producer("notifier-dead-letters", Map.of(ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    void send(ConsumerRecord<String, byte[]> record, String reason, Exception error) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(ContractDecoder.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ContractDecoder.ERROR_HEADER, String.valueOf(error).getBytes(StandardCharsets.UTF_8));
        headers.add(ContractDecoder.SOURCE_HEADER, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(IncidentTopic.NOTIFIER_DLQ.topicName(), null, record.key(),
                    record.value(), headers)).get(10, TimeUnit.SECONDS);
            deadLettered.increment();
            LOG.warn("Record {}/{}@{} went to {}: {}", record.topic(), record.partition(), record.offset(),
                    IncidentTopic.NOTIFIER_DLQ.topicName(), reason);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot dead-letter " + record.topic() + "/" + record.partition() + "@"
                    + record.offset(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering a record", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
