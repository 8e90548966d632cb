package dev.incidents.commands.it;

import dev.incidents.support.kafka.KafkaClients;
import dev.incidents.testing.EveryClient;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** One Kafka setting, given once under {@code kafka.}, reaches the service's Kafka Streams app and its own clients. */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class ClientSettingsTest {

    @Inject
    KafkaStreamsProducer streams;

    @Inject
    KafkaClients clients;

    @Test
    void a_security_setting_made_once_reaches_every_client_kafka_streams_own_included() {
        EveryClient.hasTheSharedSecuritySetting(streams.getStreamsConfig(), clients.settings("client", Map.of()));
    }
}
