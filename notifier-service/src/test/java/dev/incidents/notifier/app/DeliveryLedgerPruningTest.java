package dev.incidents.notifier.app;

import dev.incidents.notifier.domain.Delivery;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.it.NotifierTestStack;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger forgets settled deliveries older than incidents.delivery.keep-settled (30 days), on the topic too. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class DeliveryLedgerPruningTest {

    @Inject
    DeliveryLedger ledger;

    @Test
    void settled_deliveries_older_than_the_age_are_forgotten_and_the_rest_kept() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Delivery oldDelivered = delivery(Delivery.Status.DELIVERED, now.minus(Duration.ofDays(31)));
        Delivery oldCancelled = delivery(Delivery.Status.CANCELLED, now.minus(Duration.ofDays(31)));
        Delivery oldButRetrying = delivery(Delivery.Status.RETRYING, now.minus(Duration.ofDays(31)));
        Delivery recent = delivery(Delivery.Status.DELIVERED, now.minus(Duration.ofDays(29)));
        List.of(oldDelivered, oldCancelled, oldButRetrying, recent).forEach(ledger::record);

        ledger.forgetSettled();

        assertThat(ledger.find(oldDelivered.messageId())).isEmpty();
        assertThat(ledger.find(oldCancelled.messageId())).isEmpty();
        assertThat(ledger.find(oldButRetrying.messageId())).hasValue(oldButRetrying);
        assertThat(ledger.find(recent.messageId())).hasValue(recent);
        List<ConsumerRecord<String, byte[]>> onTopic = TopicReader.readAll(
                IncidentTopic.NOTIFIER_DELIVERIES.topicName(), r -> r.key().equals(oldDelivered.messageId()));
        assertThat(onTopic.getLast().value()).as("a tombstone, so compaction drops it").isNull();
    }

    private static Delivery delivery(Delivery.Status status, Instant updatedAt) {
        return new Delivery("pruning-" + UUID.randomUUID(), "sub-1", "inc-1", null, MessageKind.PUBLIC_UPDATE, status, 1,
                updatedAt, status == Delivery.Status.RETRYING ? updatedAt.plusSeconds(60) : null, null, 200,
                updatedAt);
    }
}
