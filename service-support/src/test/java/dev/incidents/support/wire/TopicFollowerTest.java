package dev.incidents.support.wire;

import dev.incidents.support.background.Supervisor;
import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.testing.Await;
import dev.incidents.testing.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A follower begins where it is told, and says when it has read all its topics held at its start. */
class TopicFollowerTest {

    private static KafkaClusterTestKit kafka;
    private static KafkaClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.startOneBroker();
        clients = new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void recent_reads_an_even_share_of_the_newest_records_of_each_partition_then_is_caught_up() throws Exception {
        String topic = "follower-recent";
        fill(topic, 2, 100);

        List<String> read = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(Clock.systemUTC());
             TopicFollower follower = new TopicFollower(clients, supervisor, "recent-follower", List.of(topic),
                     TopicFollower.Start.recent(20), record -> read.add(new String(record.value(),
                     StandardCharsets.UTF_8)))) {
            Await.until("caught up", Duration.ofSeconds(20), follower::caughtUp);

            assertThat(read).hasSize(20).allSatisfy(value -> assertThat(Integer.parseInt(value.split("-")[1]))
                    .isGreaterThanOrEqualTo(90));
            send(topic, 0, "p0-100");
            Await.until("the new record read", Duration.ofSeconds(20), () -> read.contains("p0-100"));
        }
    }

    @Test
    void beginning_is_not_caught_up_until_it_has_read_everything_held_at_start() throws Exception {
        String topic = "follower-beginning";
        fill(topic, 1, 50);

        List<String> read = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(Clock.systemUTC());
             TopicFollower follower = new TopicFollower(clients, supervisor, "beginning-follower", List.of(topic),
                     TopicFollower.Start.BEGINNING, record -> read.add("r"))) {
            Await.until("caught up", Duration.ofSeconds(20), follower::caughtUp);

            assertThat(read).hasSizeGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void a_follower_whose_loop_failed_starts_again_after_the_last_record_it_took() throws Exception {
        String topic = "follower-restart";
        fill(topic, 1, 10);
        List<String> read = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);

        try (Supervisor supervisor = new Supervisor(Clock.systemUTC(),
                new Supervisor.Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)));
             TopicFollower follower = new TopicFollower(clients, supervisor, "restarting-follower", List.of(topic),
                     TopicFollower.Start.BEGINNING, record -> read.add(new String(record.value(),
                     StandardCharsets.UTF_8)), positions -> {
                         if (!positions.isEmpty() && failOnce.getAndSet(false)) {
                             throw new IllegalStateException("injected: the loop fails after its first poll");
                         }
                     })) {
            Await.until("the loop started again", Duration.ofSeconds(20),
                    () -> supervisor.loops().getFirst().restarts() == 1);
            send(topic, 0, "p0-10");

            Await.until("the new record read", Duration.ofSeconds(20), () -> read.contains("p0-10"));
            assertThat(read).doesNotHaveDuplicates().hasSize(11);
            assertThat(follower.caughtUp()).isTrue();
        }
    }

    /** {@code count} records on each of {@code partitions} partitions, valued p{partition}-{n}. */
    private static void fill(String topic, int partitions, int count) throws Exception {
        try (Admin admin = clients.admin("follower-test-admin")) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int partition = 0; partition < partitions; partition++) {
                for (int n = 0; n < count; n++) {
                    producer.send(record(topic, partition, "p" + partition + "-" + n));
                }
            }
            producer.flush();
        }
    }

    private static void send(String topic, int partition, String value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(topic, partition, value)).get();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return clients.producer("follower-test-producer", Map.of(), new StringSerializer(),
                new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> record(String topic, int partition, String value) {
        return new ProducerRecord<>(topic, partition, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
