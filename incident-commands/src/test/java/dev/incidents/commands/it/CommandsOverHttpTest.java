package dev.incidents.commands.it;

import dev.incidents.deploy.ConfluentWireDecoder;
import dev.incidents.support.tracing.TraceHeaders;
import dev.incidents.testing.SignedIn;
import dev.incidents.testing.TestStack;
import dev.incidents.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The command service running for real: HTTP in, Avro events in Confluent wire format on a real broker out. */
@QuarkusTest
@QuarkusTestResource(value = RealKafkaAndRegistry.class, restrictToAnnotatedClass = false)
class CommandsOverHttpTest {

    final ConfluentWireDecoder decoder = new ConfluentWireDecoder(TestStack.confluentApiUrl());

    /** Every request of these tests is the local realm's commander's; who may do what is AccessTest's part. */
    @BeforeAll
    static void signInAsCommander() {
        SignedIn.as("commander");
    }

    /** Declares here name "checkout" (defining it again as it is writes nothing). */
    @BeforeEach
    void catalogHoldsCheckout() {
        CatalogComponents.define("checkout", "Checkout", "Shop", true);
    }

    @AfterAll
    static void signOut() {
        SignedIn.out();
    }

    @Test
    void an_incident_lives_its_whole_life_over_http_and_every_event_reads_with_a_confluent_decoder() throws IOException {
        String id = declare(Map.of("title", "Checkout down", "severity", "SEV1", "summary", "Payments fail",
                "components", List.of("checkout")));
        post(id, "updates", Map.of("status", "IDENTIFIED", "message", "Bad deploy",
                "nextUpdateAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString()))
                .then().statusCode(201).body("version", equalTo(2));
        post(id, "updates", Map.of("status", "IDENTIFIED", "message", "Rolling back", "audience", "INTERNAL"))
                .then().statusCode(201).body("version", equalTo(3));
        post(id, "severity", Map.of("severity", "SEV2", "reason", "Only EU affected"))
                .then().statusCode(200).body("version", equalTo(4));
        post(id, "resolve", Map.of("message", "Rolled back", "rcaOwner", "sre",
                "rcaDueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()))
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("rcaDueAt", notNullValue());
        post(id, "rca", Map.of("rootCause", "Config typo", "thirdParty", Map.of("vendor", "CDN", "description", "x"),
                "correctiveActions", List.of(Map.of("description", "Validate config in CI", "owner", "platform"),
                        Map.of("description", "Stage config changes", "owner", "platform"),
                        Map.of("description", "Page on config drift", "owner", "sre"))))
                .then().statusCode(201).body("version", equalTo(6));
        post(id, "corrective-actions/CA-1/complete", Map.of("note", "https://git.example/pr/12"))
                .then().statusCode(200).body("version", equalTo(7));
        post(id, "corrective-actions/CA-2/reschedule", Map.of("reason", "Needs the new pipeline",
                "dueAt", Instant.now().plus(20, ChronoUnit.DAYS).toString()))
                .then().statusCode(200).body("version", equalTo(8));
        post(id, "corrective-actions/CA-3/decline", Map.of("reason", "Drift is now impossible"))
                .then().statusCode(200).body("version", equalTo(9));
        post(id, "corrective-actions/CA-1/complete", Map.of("note", "again"))
                .then().statusCode(409).contentType("application/problem+json");
        post(id, "corrective-actions/CA-4/complete", Map.of("note", "x"))
                .then().statusCode(404).body("detail", containsString("CA-1, CA-2, CA-3"));

        List<GenericRecord> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events", r -> r.key().equals(id))) {
            events.add(decoder.decode(record.value()));
        }
        assertThat(events).extracting(e -> (Long) e.get("sequence"))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events).extracting(e -> ((GenericRecord) e.get("payload")).getSchema().getName())
                .containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted", "SeverityChanged",
                        "IncidentResolved", "RcaPublished", "CorrectiveActionCompleted",
                        "CorrectiveActionRescheduled", "CorrectiveActionDeclined");
        GenericRecord rca = (GenericRecord) events.get(5).get("payload");
        assertThat((List<?>) rca.get("correctiveActions")).extracting(a -> ((GenericRecord) a).get("id").toString())
                .containsExactly("CA-1", "CA-2", "CA-3");
        assertThat((List<?>) rca.get("correctiveActions")).allSatisfy(a -> assertThat(((GenericRecord) a)
                .get("dueAt")).as("stamped with the RCA window's end").isNotNull());
        assertThat(events).allSatisfy(e -> assertThat(e.get("incidentId").toString()).isEqualTo(id));
    }

    @Test
    void the_asyncapi_document_of_the_topics_is_served_to_anybody() throws IOException {
        String served = given().auth().none().get("/asyncapi.yaml").then().statusCode(200)
                .contentType("application/yaml").extract().asString();

        try (var committed = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(served).startsWith("# Generated").contains("asyncapi: 3.0.0")
                    .isEqualTo(new String(committed.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void the_trace_id_given_on_the_request_reaches_the_event_and_the_result() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").body(Map.of("title", "Traced", "severity", "SEV3", "summary", "s")).post("/incidents")
                .then().statusCode(201).extract().path("incidentId");

        assertThat(TopicReader.readAll("incident-events", r -> r.key().equals(id))).singleElement()
                .satisfies(event -> assertThat(TraceHeaders.traceId(event.headers())).hasValue(traceId));
        assertThat(TopicReader.readAll("incident-command-results", r -> true)).filteredOn(result ->
                TraceHeaders.traceId(result.headers()).filter(traceId::equals).isPresent()).hasSize(1);
    }

    @Test
    void fifty_concurrent_declares_with_one_dedup_key_make_one_incident() throws Exception {
        String dedupKey = "monitor:" + UUID.randomUUID();
        List<Response> responses = concurrently(50, () -> given().contentType(ContentType.JSON)
                .body(Map.of("title", "Latency", "severity", "SEV2", "summary", "Slow", "dedupKey", dedupKey))
                .post("/incidents"));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.jsonPath().getString("incidentId")).containsOnly(
                responses.get(0).jsonPath().getString("incidentId"));
        assertThat(new IncidentEventsOnTopic().declaredWithDedupKey(dedupKey)).hasSize(1);
    }

    @Test
    void twenty_concurrent_updates_get_sequences_without_gap_or_duplicate() throws Exception {
        String id = declare(Map.of("title", "Search down", "severity", "SEV3", "summary", "No results"));
        List<Response> responses = concurrently(20, () -> post(id, "updates",
                Map.of("status", "INVESTIGATING", "message", "Still looking")));

        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        assertThat(responses).extracting(r -> r.jsonPath().getLong("version"))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 21).boxed().toList());
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll("incident-events", r -> r.key().equals(id))) {
            sequences.add((Long) decoder.decode(record.value()).get("sequence"));
        }
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, 21).boxed().toList());
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "DNS", "severity", "SEV2", "summary", "Lookups fail");
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/incidents");
        Response again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/incidents");
        first.then().statusCode(201);
        again.then().statusCode(201).body("incidentId", equalTo(first.jsonPath().getString("incidentId")))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("title", "DNS", "severity", "SEV1", "summary", "Lookups fail"))
                .post("/incidents").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));
        String id = first.jsonPath().getString("incidentId");
        assertThat(TopicReader.readAll("incident-events", r -> r.key().equals(id))).hasSize(1);
    }

    @Test
    void state_rules_answer_404_409_412_and_422() {
        post("no-such-incident", "updates", Map.of("status", "INVESTIGATING", "message", "x"))
                .then().statusCode(404).contentType("application/problem+json");
        String id = declare(Map.of("title", "Queue backlog", "severity", "SEV4", "summary", "Delays"));
        post(id, "rca", Map.of("rootCause", "x", "correctiveActions",
                List.of(Map.of("description", "d", "owner", "o")))).then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("status", "INVESTIGATING", "message", "x")).post("/incidents/" + id + "/updates")
                .then().statusCode(412).body("field", equalTo("If-Match"));
        post(id, "updates", Map.of("status", "INVESTIGATING", "message", "x",
                "nextUpdateAt", Instant.now().plus(3, ChronoUnit.HOURS).toString()))
                .then().statusCode(422).body("field", equalTo("nextUpdateAt"))
                .body("detail", containsString("no later than"));
    }

    @Test
    void bad_input_gets_a_4xx_naming_the_field_and_writes_nothing() {
        long before = TopicReader.endOffsetSum("incident-commands");
        badDeclare("{\"title\": ", 400, null);
        given().contentType(ContentType.JSON).body("{\"title\": nope}").post("/incidents").then().statusCode(400)
                .body("type", equalTo("urn:problem:incident-timeline:malformed-json"))
                .body("detail", containsString("not valid JSON"));
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV9\",\"summary\":\"s\"}", 400, "severity");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\"}", 422, "summary");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":[1]}", 400, "summary");
        badDeclare("{\"title\":42,\"severity\":\"SEV1\",\"summary\":\"s\"}", 400, "title");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\",\"colour\":\"red\"}", 400, "colour");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\",\"detectedAt\":\"yesterday\"}", 400,
                "detectedAt");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\",\"detectedAt\":\"2999-01-01T00:00:00Z\"}",
                422, "detectedAt");
        badDeclare("{\"title\":\"a\\u0007b\",\"severity\":\"SEV1\",\"summary\":\"s\"}", 422, "title");
        badDeclare("{\"title\":\"" + "x".repeat(201) + "\",\"severity\":\"SEV1\",\"summary\":\"s\"}", 422, "title");
        given().contentType(ContentType.JSON).body("{\"title\":\"" + "x".repeat(70_000) + "\"}").post("/incidents")
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(TopicReader.endOffsetSum("incident-commands")).isEqualTo(before);
    }

    @Test
    void values_jackson_would_convert_and_data_after_the_body_are_refused_as_problems_and_write_nothing() {
        long before = TopicReader.endOffsetSum("incident-commands");
        String declare = "{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\"";
        badDeclare("{\"title\":\"t\",\"severity\":1,\"summary\":\"s\"}", 400, "severity");
        badDeclare("{\"title\":\"t\",\"severity\":\"1\",\"summary\":\"s\"}", 400, "severity");
        badDeclare(declare + ",\"components\":[null]}", 400, "components[0]");
        badDeclare(declare + ",\"components\":[\"checkout\"]}}garbage", 400, null);
        badDeclare(declare + ",\"components\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}", 400, null);
        String id = declare(Map.of("title", "Strict", "severity", "SEV1", "summary", "Strict JSON"));
        for (String severity : List.of("1", "\"1\"")) {
            given().contentType(ContentType.JSON).body("{\"severity\":" + severity + ",\"reason\":\"r\"}")
                    .post("/incidents/" + id + "/severity").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("severity"));
        }
        given().contentType(ContentType.JSON).body("{\"status\":1,\"message\":\"m\"}")
                .post("/incidents/" + id + "/updates").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("status"));
        byte[] overlong = (declare + ",\"commander\":\"a").getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(concat(overlong, new byte[] {(byte) 0xC0, (byte) 0xAF, '"', '}'}))
                .post("/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
        badDeclare(declare + ",\"dedupKey\":\"a\\ud800b\"}", 422, "dedupKey");
        badDeclare("{\"title\":\"t\\uffff\",\"severity\":\"SEV1\",\"summary\":\"s\"}", 422, "title");
        badDeclare("{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\\u202e\"}", 422, "summary");
        for (String key : List.of("", "   ")) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(declare + "}")
                    .post("/incidents").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo("Idempotency-Key"));
        }
        assertThat(TopicReader.endOffsetSum("incident-commands")).isEqualTo(before + 1);
    }

    @Test
    void times_beyond_what_events_can_hold_get_400_and_implausible_ones_422_on_every_time_field() {
        long before = TopicReader.endOffsetSum("incident-commands");
        String declare = "{\"title\":\"t\",\"severity\":\"SEV1\",\"summary\":\"s\",\"detectedAt\":";
        badDeclare(declare + "\"-999999999-01-01T00:00:00Z\"}", 400, "detectedAt");
        badDeclare(declare + "\"+999999999-12-31T23:59:59Z\"}", 400, "detectedAt");
        badDeclare(declare + "\"0001-01-01T00:00:00Z\"}", 422, "detectedAt");
        String id = declare(Map.of("title", "Times", "severity", "SEV1", "summary", "Far times"));
        Map<String, String> fields = Map.of(
                "updates", "{\"status\":\"IDENTIFIED\",\"message\":\"m\",\"nextUpdateAt\":%s}",
                "resolve", "{\"message\":\"m\",\"rcaOwner\":\"o\",\"rcaDueAt\":%s}",
                "customer-reports", "{\"channel\":\"support\",\"receivedAt\":%s}",
                "rca", "{\"rootCause\":\"c\",\"correctiveActions\":[{\"description\":\"d\",\"owner\":\"o\","
                        + "\"dueAt\":%s}]}",
                "corrective-actions/CA-1/reschedule", "{\"reason\":\"r\",\"dueAt\":%s}");
        fields.forEach((action, body) -> {
            for (String time : List.of("\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"")) {
                given().contentType(ContentType.JSON).body(body.formatted(time)).post("/incidents/" + id + "/" + action)
                        .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json");
            }
        });
        assertThat(TopicReader.endOffsetSum("incident-commands")).isEqualTo(before + 1);
    }

    @Test
    void errors_the_http_layer_answers_before_any_endpoint_are_problems_too() {
        for (String path : List.of("/nothing-here", "/incidents/a/b/c/d", "/incidents/%2e%2e")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
        }
        given().contentType(ContentType.JSON).body("{}").put("/incidents").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void an_unreadable_command_goes_to_the_dead_letter_topic_and_the_decider_carries_on() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("incident-commands", key, "{not avro".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        declare(Map.of("title", "After garbage", "severity", "SEV3", "summary", "Still deciding"));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll("incident-commands-dlq",
                r -> key.equals(r.key()));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dlq.reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
        assertThat(new String(dead.get(0).headers().lastHeader("dlq.source").value(), StandardCharsets.UTF_8))
                .startsWith("incident-commands/");
    }

    @Test
    void openapi_is_served() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/incidents/{incidentId}/updates"));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private void badDeclare(String json, int status, String field) {
        var response = given().contentType(ContentType.JSON).body(json).post("/incidents").then()
                .log().ifValidationFails().statusCode(status).contentType("application/problem+json");
        if (field != null) {
            response.body("field", equalTo(field));
        }
    }

    private static String declare(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/incidents").then().statusCode(201)
                .header("Location", containsString("/incidents/")).body("version", equalTo(1))
                .body("nextUpdateDueAt", notNullValue()).body("deduplicated", equalTo(false))
                .extract().jsonPath().getString("incidentId");
    }

    private static Response post(String incidentId, String action, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/incidents/" + incidentId + "/" + action);
    }

    private static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
