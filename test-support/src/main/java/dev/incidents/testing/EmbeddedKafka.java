package dev.incidents.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real one-broker KRaft cluster inside this JVM (Kafka's own test kit), for tests and benchmarks. Needs
 * {@code org.apache.kafka:kafka-test-common-runtime} on the caller's classpath.
 */
public final class EmbeddedKafka {

    private EmbeddedKafka() {
    }

    /** Started and ready; the caller closes it once (the kit's close is not idempotent). */
    public static KafkaClusterTestKit startOneBroker() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        return kit;
    }
}
