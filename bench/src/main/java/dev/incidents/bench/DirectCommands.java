package dev.incidents.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.PostUpdate;
import dev.incidents.schemas.IncidentTopic;
import org.HdrHistogram.Histogram;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decider without the HTTP edge, as an internal service uses it: commands produced straight to
 * incident-commands in Confluent's wire format (schema id from the registry's ccompat API), timed until every
 * decision is committed on incident-command-results. Latency is from send to the decision's commit being visible.
 */
final class DirectCommands {

    private DirectCommands() {
    }

    static LoadResult measure(String bootstrapServers, String confluentApiUrl, List<String> incidents, int count)
            throws Exception {
        return measure("kafka commands, decider only", bootstrapServers, confluentApiUrl, incidents, count,
                IncidentTopic.INCIDENT_COMMANDS.topicName(), IncidentTopic.INCIDENT_COMMAND_RESULTS.topicName());
    }

    /** The same commands to another application's topics: one that keys its results by command id too. */
    static LoadResult measure(String phase, String bootstrapServers, String confluentApiUrl, List<String> incidents,
                              int count, String commandsTopic, String resultsTopic) throws Exception {
        int schemaId = latestSchemaId(confluentApiUrl, IncidentTopic.INCIDENT_COMMANDS.valueSubject().orElseThrow());
        try (KafkaConsumer<String, byte[]> results = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = results.partitionsFor(resultsTopic).stream()
                    .map(p -> new TopicPartition(resultsTopic, p.partition())).toList();
            results.assign(partitions);
            results.seekToEnd(partitions);
            partitions.forEach(results::position);

            Map<String, Long> sentAt = new HashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                IncidentCommand command = update(incidents.get(i % incidents.size()));
                sentAt.put(command.getCommandId(), System.nanoTime());
                producer.send(new ProducerRecord<>(commandsTopic, command.getIncidentId(),
                        confluentFramed(schemaId, command)));
            }
            producer.flush();
            Histogram latency = new Histogram(3_600_000_000L, 3);
            long decided = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (decided < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : results.poll(Duration.ofMillis(200))) {
                    Long sent = sentAt.remove(record.key());
                    if (sent != null) {
                        latency.recordValue((System.nanoTime() - sent) / 1000);
                        decided++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LoadResult(phase, decided / seconds, latency, count - decided);
        }
    }

    static int commandRecordSize() throws IOException {
        return confluentFramed(0, update(UUID.randomUUID().toString())).length;
    }

    private static IncidentCommand update(String incidentId) {
        return IncidentCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setIncidentId(incidentId)
                .setActor(new Actor("benchmark", ActorKind.SERVICE)).setRequestFingerprint("0".repeat(64))
                .setCommand(new PostUpdate(IncidentStatus.INVESTIGATING, "Benchmark update", Audience.PUBLIC, null))
                .build();
    }

    /** Magic byte 0, the 4-byte schema id, then the Avro binary: what any Confluent-format producer writes. */
    private static byte[] confluentFramed(int schemaId, IncidentCommand command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<IncidentCommand>(IncidentCommand.getClassSchema(),
                SpecificData.getForClass(IncidentCommand.class)).write(command, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static int latestSchemaId(String confluentApiUrl, String subject) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(confluentApiUrl + "/subjects/" + subject + "/versions/latest")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Registry has no " + subject + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("id").asInt();
    }
}
