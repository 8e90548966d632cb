package dev.incidents.notifier.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.Severity;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.support.wire.RegistryAvroSerdes;
import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.testing.Await;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the notifier's tests set up alike: a webhook subscription, and declarations on incident-events. */
final class NotifierFixtures {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Pattern CONFIRM_PATH = Pattern.compile("/mail/confirm/[^\\s\"<>]+");

    private NotifierFixtures() {
    }

    /** A PUBLIC webhook subscription in English and UTC, signed with {@link #SECRET}; its id. */
    static String subscribeWebhook(String url) {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"WEBHOOK\",\"target\":\""
                        + url + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\",\"timeZone\":\"UTC\","
                        + "\"secrets\":[\"" + SECRET + "\"]}").post("/subscriptions").then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /**
     * An EMAIL subscription whose address is confirmed as its recipient would confirm it: through the link of the
     * confirmation mail (read from notifier-outbox, so no SMTP server is needed); its id.
     */
    static String subscribeConfirmedEmail(String address, String locale, String zone) {
        String id = RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"EMAIL\",\"target\":\""
                        + address + "\",\"audience\":\"PUBLIC\",\"locale\":\"" + locale + "\",\"timeZone\":\"" + zone
                        + "\"}").post("/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
        Deserializer<OutboundMessage> messages = new RegistryAvroSerdes(TestStack.nativeApiUrl(), false)
                .forValue(IncidentTopic.NOTIFIER_OUTBOX).deserializer();
        String text = Await.until("the confirmation mail for " + id, Duration.ofSeconds(20),
                () -> TopicReader.readAll(IncidentTopic.NOTIFIER_OUTBOX.topicName(), r -> id.equals(r.key())).stream()
                        .map(r -> messages.deserialize(r.topic(), r.headers(), r.value()).getText()).findFirst(),
                Optional::isPresent).orElseThrow();
        Matcher link = CONFIRM_PATH.matcher(text);
        if (!link.find()) {
            throw new AssertionError("No confirmation link in " + text);
        }
        RestAssured.given().auth().none().post(link.group()).then().statusCode(200);
        return id;
    }

    /** The trace id each declaration of these fixtures carries: derived from the incident id, so tests know it. */
    static String traceIdOf(String incidentId) {
        return UUID.nameUUIDFromBytes(incidentId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /**
     * A SEV1 "Checkout down" declared at {@code at}, its next update due 15 minutes later, as the decider writes it,
     * in the trace {@link #traceIdOf} names.
     */
    static void declare(String incidentId, Instant at) {
        IncidentEvent event = IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setIncidentId(incidentId).setSequence(1).setOccurredAt(at)
                .setActor(new Actor("monitor", ActorKind.SERVICE)).setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                        .setSummary("Customers cannot pay").setDetectedAt(at)
                        .setNextUpdateDueAt(at.plus(Duration.ofMinutes(15))).setCadenceSeconds(900L).build())
                .build();
        try (KafkaProducer<String, IncidentEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new RegistryAvroSerdes(TestStack.nativeApiUrl(), false)
                .forValue(IncidentTopic.INCIDENT_EVENTS).serializer())) {
            producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_EVENTS.topicName(), null, incidentId, event,
                    new RecordHeaders().add(TraceHeaders.TRACEPARENT, ("00-" + traceIdOf(incidentId)
                            + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the declaration", e);
        }
    }

    /** Defines a public component of the catalog under {@code group}, as the command service writes it. */
    static void defineComponent(String componentId, String group) {
        ComponentEvent component = ComponentEvent.newBuilder().setComponentId(componentId).setVersion(1)
                .setOccurredAt(Instant.now()).setActor(new Actor("incident-admin", ActorKind.PERSON))
                .setPayload(new ComponentDefined(componentId, null, group, 0, true, false)).build();
        try (KafkaProducer<String, ComponentEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new RegistryAvroSerdes(TestStack.nativeApiUrl(), false)
                .forValue(IncidentTopic.INCIDENT_COMPONENTS).serializer())) {
            producer.send(new ProducerRecord<>(IncidentTopic.INCIDENT_COMPONENTS.topicName(), componentId,
                    component)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the component", e);
        }
    }

    /**
     * A subscription applies once the planner's global store has read it (a few ms after its 201), so: declares an
     * incident, waits up to 3 s for {@code arrived} to hold for it, and again with a new one (20 at most); returns
     * the id of the incident that arrived.
     */
    static String declareUntil(String prefix, Instant at, Predicate<String> arrived) throws InterruptedException {
        return declareUntil(() -> {
            String incidentId = prefix + UUID.randomUUID();
            declare(incidentId, at);
            return incidentId;
        }, arrived);
    }

    /** As above, each incident declared by {@code declareOne}, which returns its id. */
    static String declareUntil(Supplier<String> declareOne, Predicate<String> arrived) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            String incidentId = declareOne.get();
            if (Await.latest(Duration.ofSeconds(3), () -> arrived.test(incidentId), Boolean::booleanValue)) {
                return incidentId;
            }
        }
        throw new AssertionError("No declaration got through");
    }
}
