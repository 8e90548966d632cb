package dev.incidents.testing.violating;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/** What the client-layer rule must catch: a producer made from bootstrap.servers alone. */
class MakesItsOwnProducer {

    KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }
}
