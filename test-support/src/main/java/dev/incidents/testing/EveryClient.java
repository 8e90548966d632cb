package dev.incidents.testing;

import org.apache.kafka.streams.StreamsConfig;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that the setting {@link TestStack} gives every service once reaches each Kafka client it makes. */
public final class EveryClient {

    private EveryClient() {
    }

    /**
     * @param streams    the service's Kafka Streams configuration, from which Streams makes its own clients
     * @param ownClients the settings of a client the service makes itself
     */
    public static void hasTheSharedSecuritySetting(StreamsConfig streams, Map<String, Object> ownClients) {
        List<Map<String, Object>> everyClient = List.of(
                streams.getMainConsumerConfigs("group", "client", 0),
                streams.getRestoreConsumerConfigs("client"),
                streams.getGlobalConsumerConfigs("client"),
                streams.getProducerConfigs("client"),
                streams.getAdminConfigs("client"),
                ownClients);

        assertThat(everyClient).allSatisfy(settings -> assertThat(settings).containsEntry(
                TestStack.SHARED_SECURITY_SETTING.getKey(), TestStack.SHARED_SECURITY_SETTING.getValue()));
    }
}
