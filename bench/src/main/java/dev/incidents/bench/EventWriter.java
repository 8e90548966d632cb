package dev.incidents.bench;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.Severity;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.RegistryAvroSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Writes incident events as the decider writes them: Confluent wire format, keyed by incident, stamped with their time. */
final class EventWriter implements AutoCloseable {

    private static final Duration CADENCE = Duration.ofMinutes(15);

    private final KafkaProducer<String, IncidentEvent> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventWriter(String bootstrapServers, String registryUrl) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(),
                new RegistryAvroSerdes(registryUrl, false).forValue(IncidentTopic.INCIDENT_EVENTS).serializer());
    }

    /** Declares each incident now, the i-th with its first deadline at {@code deadline.apply(i)}. */
    void declare(List<String> incidentIds, Instant now, IntFunction<Instant> deadline) {
        for (int i = 0; i < incidentIds.size(); i++) {
            write(event(incidentIds.get(i), 1, now, IncidentDeclared.newBuilder().setTitle("Benchmark incident")
                    .setSeverity(Severity.SEV1).setSummary("Customers cannot pay").setCommander("alice")
                    .setComponents(List.of("checkout")).setDetectedAt(now).setNextUpdateDueAt(deadline.apply(i))
                    .setCadenceSeconds(CADENCE.toSeconds()).build()));
        }
    }

    /** One update per incident as event {@code sequence}, alternately internal and public, promising {@code next}. */
    void update(List<String> incidentIds, long sequence, Instant now, Instant next) {
        Audience audience = sequence % 2 == 0 ? Audience.PUBLIC : Audience.INTERNAL;
        for (String id : incidentIds) {
            write(event(id, sequence, now, new UpdatePosted(IncidentStatus.IDENTIFIED,
                    "Still investigating; the payment provider's errors have dropped to 2 %", audience, next,
                    CADENCE.toSeconds(), List.of())));
        }
    }

    /** Resolves each incident as event {@code sequence}, committing to an RCA within five days. */
    void resolve(List<String> incidentIds, long sequence, Instant now) {
        for (String id : incidentIds) {
            write(event(id, sequence, now, new IncidentResolved("Payments work again.",
                    now.plus(Duration.ofDays(5)), "payments-team", Duration.ofDays(5).toSeconds())));
        }
    }

    void flush() {
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Kafka refused an event", error);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private void write(IncidentEvent event) {
        producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_EVENTS.topicName(), null,
                event.getOccurredAt().toEpochMilli(), event.getIncidentId(), event), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private static IncidentEvent event(String incidentId, long sequence, Instant at, Object payload) {
        return IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setIncidentId(incidentId)
                .setSequence(sequence).setOccurredAt(at).setActor(new Actor("alice", ActorKind.PERSON))
                .setCausingCommandId(UUID.randomUUID().toString()).setPayload(payload).build();
    }
}
