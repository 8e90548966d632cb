package dev.incidents.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The build's guard of the client layer: a service's code makes no Kafka client of its own, so none can miss the
 * shared settings (TLS, SASL, {@code client.rack}) that {@code KafkaClients} gives every client. Each service runs
 * it over its own classes and the shared library.
 */
public final class ClientLayerRule {

    private static final String CLIENT_LAYER = "dev.incidents.support.kafka..";

    public static final ArchRule ONLY_THE_CLIENT_LAYER_MAKES_KAFKA_CLIENTS = noClasses()
            .that().resideOutsideOfPackage(CLIENT_LAYER)
            .should().callCodeUnitWhere(makesAKafkaClient())
            .because("every Kafka client must come from KafkaClients, which gives it the shared kafka.* settings");

    private ClientLayerRule() {
    }

    private static DescribedPredicate<JavaCall<?>> makesAKafkaClient() {
        return DescribedPredicate.describe("a Kafka producer, consumer, admin client or Streams app is made",
                call -> {
                    var owner = call.getTargetOwner();
                    boolean constructor = call.getName().equals("<init>");
                    boolean adminFactory = owner.isAssignableTo(Admin.class) && call.getName().equals("create");
                    return adminFactory || constructor && (owner.isAssignableTo(Producer.class)
                            || owner.isAssignableTo(Consumer.class) || owner.isAssignableTo(KafkaStreams.class));
                });
    }
}
