package dev.incidents.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientsTest {

    /** SASL over TLS without a JAAS login: every client that gets these settings refuses to be made. */
    private final KafkaClients misconfigured = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:9",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));

    @Test
    void a_security_setting_made_once_reaches_every_kind_of_client() {
        List<ThrowingCallable> everyKind = List.of(
                () -> misconfigured.producer("a-producer", Map.of(), new StringSerializer(), new StringSerializer()),
                () -> misconfigured.consumer("a-consumer", Map.of(ConsumerConfig.GROUP_ID_CONFIG, "g"),
                        new StringDeserializer(), new StringDeserializer()),
                () -> misconfigured.admin("an-admin"));

        for (ThrowingCallable making : everyKind) {
            assertThatThrownBy(making).rootCause().hasMessageContaining("JAAS");
        }
    }

    @Test
    void a_use_adds_its_own_settings_and_its_name_on_top_of_the_shared_ones() {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:9", "client.rack", "az-1",
                "acks", "1"));

        Map<String, Object> settings = clients.settings("the-gateway", Map.of("acks", "all"));

        assertThat(settings).containsEntry("bootstrap.servers", "127.0.0.1:9").containsEntry("client.rack", "az-1")
                .containsEntry("acks", "all").containsEntry("client.id", "the-gateway");
    }

    @Test
    void shared_settings_without_bootstrap_servers_are_refused() {
        assertThatThrownBy(() -> new KafkaClients(Map.of("security.protocol", "SSL")))
                .hasMessageContaining("bootstrap.servers");
    }
}
