package dev.incidents.notifier.it;

import dev.incidents.avro.Actor;
import dev.incidents.avro.ActorKind;
import dev.incidents.avro.Audience;
import dev.incidents.avro.ComponentDefined;
import dev.incidents.avro.ComponentEvent;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceDetectionKind;
import dev.incidents.avro.MaintenanceEvent;
import dev.incidents.avro.MaintenanceScheduled;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the notifier's tests set up alike: subscriptions, declarations on incident-events, catalog components, and
 * maintenance windows with their reminders.
 */
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
        declare(incidentId, at, List.of());
    }

    /** As {@link #declare(String, Instant)}, naming these components. */
    static void declare(String incidentId, Instant at, List<String> components) {
        IncidentEvent event = IncidentEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setIncidentId(incidentId).setSequence(1).setOccurredAt(at)
                .setActor(new Actor("monitor", ActorKind.SERVICE)).setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(IncidentDeclared.newBuilder().setTitle("Checkout down").setSeverity(Severity.SEV1)
                        .setSummary("Customers cannot pay").setDetectedAt(at)
                        .setNextUpdateDueAt(at.plus(Duration.ofMinutes(15))).setCadenceSeconds(900L)
                        .setComponents(components).build())
                .build();
        produce(IncidentTopic.INCIDENT_EVENTS, incidentId, event, new RecordHeaders().add(TraceHeaders.TRACEPARENT,
                ("00-" + traceIdOf(incidentId) + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8)));
    }

    /** Defines a public component of the catalog under {@code group}, as the command service writes it. */
    static void defineComponent(String componentId, String group) {
        ComponentEvent component = ComponentEvent.newBuilder().setComponentId(componentId).setVersion(1)
                .setOccurredAt(Instant.now()).setActor(new Actor("incident-admin", ActorKind.PERSON))
                .setPayload(new ComponentDefined(componentId, null, group, 0, true, false)).build();
        produce(IncidentTopic.INCIDENT_COMPONENTS, componentId, component, new RecordHeaders());
    }

    /**
     * A PUBLIC window "Login database upgrade" on {@code login}, scheduled by bob to start at {@code startsAt} for an
     * hour, as the decider writes it, and its reminder, as the projection writes it.
     */
    static void scheduleAndRemind(String maintenanceId, Instant startsAt) {
        Instant now = Instant.now();
        produce(IncidentTopic.MAINTENANCE_EVENTS, maintenanceId, MaintenanceEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setMaintenanceId(maintenanceId).setSequence(1)
                .setOccurredAt(now).setActor(new Actor("bob", ActorKind.PERSON))
                .setCausingCommandId(UUID.randomUUID().toString())
                .setPayload(new MaintenanceScheduled("Login database upgrade", "Sign-in may fail for a minute",
                        List.of("login"), startsAt, startsAt.plus(Duration.ofHours(1)), Audience.PUBLIC)).build(),
                new RecordHeaders());
        produce(IncidentTopic.MAINTENANCE_DETECTIONS, maintenanceId, new MaintenanceDetection(
                "det-" + maintenanceId, maintenanceId, MaintenanceDetectionKind.MAINTENANCE_STARTING_SOON, startsAt,
                now, 0L, 0), new RecordHeaders());
    }

    private static <V extends SpecificRecord> void produce(IncidentTopic<V> topic, String key, V value,
                                                           Headers headers) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new RegistryAvroSerdes(TestStack.nativeApiUrl(), false)
                .forValue(topic).serializer())) {
            producer.send(new ProducerRecord<>(topic.topicName(), null, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the record for " + topic.topicName(), e);
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
