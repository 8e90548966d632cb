package dev.incidents.projection.it;

import dev.incidents.avro.Audience;
import dev.incidents.avro.CorrectiveAction;
import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.DetectionKind;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentDetection;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.MaintenanceDetection;
import dev.incidents.avro.MaintenanceDetectionKind;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.testing.AlertRules;
import dev.incidents.testing.Await;
import dev.incidents.testing.LinkedPages;
import dev.incidents.testing.ScrapedMetrics;
import dev.incidents.testing.SignedIn;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.incidents.projection.it.IncidentEvents.event;
import static dev.incidents.projection.it.IncidentEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The projection running for real: events in from a real broker, detections and queries out. */
@QuarkusTest
@QuarkusTestResource(value = ProjectionTestStack.class, restrictToAnnotatedClass = false)
class ProjectionOnRealKafkaTest {

    @BeforeAll
    static void signIn() {
        SignedIn.as("viewer");
    }

    @AfterAll
    static void signOut() {
        SignedIn.out();
    }

    @Test
    void a_deadline_that_passes_is_detected_and_the_incident_reads_overdue() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        String id = "it-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = now.plusSeconds(3);
        publish(event(id, 1, now, declared(now, deadline)));

        List<IncidentDetection> detections = awaitDetections(id, 2);
        assertThat(detections).extracting(IncidentDetection::getKind)
                .containsExactly(DetectionKind.UPDATE_DUE_SOON, DetectionKind.UPDATE_OVERDUE);
        assertThat(detections.get(1).getDeadline()).isEqualTo(deadline);
        assertThat(detections.get(1).getDetectedAt()).isAfterOrEqualTo(deadline);

        awaitOk(() -> RestAssured.get("/incidents/" + id)).then().body("overdue", equalTo(true))
                .body("open", equalTo(true)).body("version", equalTo(1));
        RestAssured.given().queryParam("overdue", true).get("/incidents").then().statusCode(200)
                .body("incidentId", org.hamcrest.Matchers.hasItem(id));

        assertThat(ScrapedMetrics.value("incident_detections_total{kind=\"UPDATE_OVERDUE\"}")).isPositive();
        Await.until("the gauges counting the open overdue incident", Duration.ofSeconds(20), ScrapedMetrics::text,
                text -> text.matches("(?s).*\nincidents_open\\{severity=\"SEV1\"} [1-9].*")
                        && text.matches("(?s).*\nincident_promises_overdue [1-9].*"));
        assertThat(ScrapedMetrics.text()).contains("kafka_stream_", "client_id=\"timeline-projection-clock\"");
        assertThat(ScrapedMetrics.names()).as("every metric the alert rules use for timeline-projection")
                .containsAll(AlertRules.metricsUsedBy("timeline-projection"));
    }

    @Test
    void a_window_running_past_its_end_is_detected_and_reads_overrun_and_an_unknown_one_is_not_found()
            throws Exception {
        awaitOk(() -> RestAssured.get("/maintenances"));
        String id = "it-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant endsAt = now.plusSeconds(3);
        MaintenanceEvents.publish(
                MaintenanceEvents.event(id, 1, now, MaintenanceEvents.scheduled("Cache flush", List.of("checkout"),
                        now.minusSeconds(1), endsAt, Audience.INTERNAL)),
                MaintenanceEvents.event(id, 2, now, new MaintenanceStarted("Flushing")));

        awaitOk(() -> RestAssured.get("/maintenances/" + id),
                response -> response.jsonPath().getBoolean("overrun") && response.jsonPath().getInt("overrunReports") > 0)
                .then().body("status", equalTo("IN_PROGRESS")).body("audience", equalTo("INTERNAL"))
                .body("lateToStart", equalTo(false));
        // the start passed before the started event was read, so a due-to-start may come first: look for the overrun
        List<MaintenanceDetection> overruns = DetectionReader.read(IncidentTopic.MAINTENANCE_DETECTIONS,
                Set.of(id), found -> found.stream().anyMatch(ProjectionOnRealKafkaTest::overrun), Duration.ZERO)
                .stream().filter(ProjectionOnRealKafkaTest::overrun).toList();
        assertThat(overruns).first().satisfies(first -> {
            assertThat(first.getDeadline()).isEqualTo(endsAt);
            assertThat(first.getDetectedAt()).isAfterOrEqualTo(endsAt);
        });
        RestAssured.get("/maintenances?current=true").then().statusCode(200)
                .body("maintenanceId", org.hamcrest.Matchers.hasItem(id));
        RestAssured.get("/maintenances/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.get("/maintenances?current=maybe").then().statusCode(400);
    }

    private static boolean overrun(MaintenanceDetection detection) {
        return detection.getKind() == MaintenanceDetectionKind.MAINTENANCE_OVERRUN;
    }

    @Test
    void every_page_allows_only_its_own_scripts_and_cannot_be_framed_or_sniffed() {
        for (String page : List.of("/status/", "/dashboard/", "/status/status.js", "/api/v2/summary.json")) {
            RestAssured.get(page).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(
                            containsString("default-src 'self'"), containsString("script-src 'self'"),
                            containsString("frame-ancestors 'none'")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
        }
    }

    @Test
    void the_timeline_lists_every_event_in_order() throws Exception {
        String id = "it-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(event(id, 1, now, declared(now, now.plus(Duration.ofMinutes(15)))));
        publish(event(id, 2, now.plusSeconds(1), new UpdatePosted(IncidentStatus.IDENTIFIED, "Found it",
                Audience.INTERNAL, now.plus(Duration.ofMinutes(15)), 900L, List.of())));

        awaitOk(() -> RestAssured.get("/incidents/" + id + "/timeline").then().extract().response(),
                response -> response.jsonPath().getList("sequence").size() == 2).then()
                .body("kind", equalTo(List.of("Declared", "UpdatePosted")))
                .body("isPublic", equalTo(List.of(true, false)));
    }

    @Test
    void the_stream_sends_state_changes_as_they_happen() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/incidents/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + TestStack.tokens().of("viewer")).GET().build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Iterator<String> lines = stream.body().iterator();
        String id = "it-" + UUID.randomUUID();

        String found = CompletableFuture.supplyAsync(() -> {
            readUntil(lines, "event:ready");
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publish(event(id, 1, now, declared(now, now.plus(Duration.ofMinutes(15)))));
            return readUntil(lines, "\"incidentId\":\"" + id + "\"");
        }).get(60, TimeUnit.SECONDS);
        assertThat(found).startsWith("data:").contains("\"version\":1").contains("\"open\":true");
    }

    @Test
    void live_streams_beyond_the_limit_are_refused_with_a_problem_until_one_closes() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        HttpResponse<InputStream> refused = null;
        try {
            // streams other tests left open count too: the limit is reached within MAX_LIVE_STREAMS + 1 attempts
            for (int i = 0; i <= ProjectionTestStack.MAX_LIVE_STREAMS && refused == null; i++) {
                HttpResponse<InputStream> answer = openStream(http);
                if (answer.statusCode() == 200) {
                    open.add(answer);
                } else {
                    refused = answer;
                }
            }
            assertThat(refused).as("one stream more than the limit").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            refused.body().close();
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
        Await.until("a stream accepted again once the others closed", Duration.ofSeconds(30), () -> {
            HttpResponse<InputStream> answer = openStream(http);
            try (InputStream body = answer.body()) {
                return answer.statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, status -> status == 200);
    }

    /** The stream's answer as soon as its headers arrive; its body stays open until closed. */
    private static HttpResponse<InputStream> openStream(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                            + "/incidents/stream")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + TestStack.tokens().of("viewer")).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readUntil(Iterator<String> lines, String text) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.replace(" ", "").contains(text.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("The stream ended before '" + text + "'");
    }

    @Test
    void the_public_answers_are_served_whatever_the_accept_header_asks_for() throws Exception {
        awaitOk(() -> RestAssured.get("/api/v2/summary.json"));
        for (String accept : List.of("application/rss+xml", "application/xml", "text/xml", "text/plain")) {
            RestAssured.given().accept(accept).get("/history.atom").then().statusCode(200)
                    .contentType("application/atom+xml");
            for (String path : List.of("/api/v2/summary.json", "/api/v2/incidents.json", "/public/incidents")) {
                RestAssured.given().accept(accept).get(path).then().statusCode(200).contentType("application/json");
            }
        }
    }

    @Test
    void unknown_incidents_and_bad_filters_get_problem_details() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        RestAssured.get("/incidents/no-such-incident").then().statusCode(404)
                .contentType("application/problem+json");
        for (String id : List.of("a%3Fb", "a%23b", "a%20b", "...", "x".repeat(129))) {
            RestAssured.given().urlEncodingEnabled(false).get("/incidents/" + id + "/timeline").then()
                    .statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("Incident with this id is not known (yet) to the projection."));
        }
        RestAssured.given().queryParam("status", "sleeping").get("/incidents").then().statusCode(400)
                .body("field", equalTo("status"));
        RestAssured.given().queryParam("from", "last tuesday").get("/reports/communication").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
    }

    @Test
    void the_communication_report_counts_the_period_per_severity() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        String id = "it-" + UUID.randomUUID();
        // A declaration time no other test uses, so the period holds exactly this incident.
        Instant declared = Instant.parse("2001-01-01T00:00:00Z").plusMillis(new java.util.Random().nextInt(1_000_000));
        publish(event(id, 1, declared, declared(declared, declared.plus(Duration.ofMinutes(15)))));
        awaitOk(() -> RestAssured.get("/incidents/" + id));

        RestAssured.given().queryParam("from", declared.toString())
                .queryParam("to", declared.plusMillis(1).toString()).get("/reports/communication").then()
                .statusCode(200).body("bySeverity.severity", equalTo(List.of("SEV1")))
                .body("bySeverity[0].incidents", equalTo(1));
    }

    @Test
    void the_report_gives_the_period_and_each_bucket_of_it_in_one_answer() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        String id = "it-" + UUID.randomUUID();
        // 2003: a year no other test declares in, so the period holds exactly this incident.
        Instant declared = Instant.parse("2003-01-02T00:00:00Z").plusMillis(new java.util.Random().nextInt(1_000_000));
        publish(event(id, 1, declared, declared(declared, declared.plus(Duration.ofMinutes(15)))));
        awaitOk(() -> RestAssured.get("/incidents/" + id));

        RestAssured.given().queryParam("from", "2003-01-01T00:00:00Z").queryParam("to", "2003-01-03T00:00:00Z")
                .queryParam("bucket", "P1D").get("/reports/communication").then().statusCode(200)
                .body("bySeverity[0].incidents", equalTo(1))
                .body("buckets.from", equalTo(List.of("2003-01-01T00:00:00Z", "2003-01-02T00:00:00Z")))
                .body("buckets[0].bySeverity", hasSize(0))
                .body("buckets[1].bySeverity[0].incidents", equalTo(1));
        for (String bucket : List.of("P1M", "PT6H", "P0D", "weekly")) {
            RestAssured.given().queryParam("bucket", bucket).get("/reports/communication").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("bucket"));
        }
    }

    @Test
    void the_list_comes_a_page_at_a_time_newest_first_following_the_link() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        Instant start = Instant.parse("2004-01-01T00:00:00Z").plusSeconds(new java.util.Random().nextInt(1_000_000));
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "it-page-" + UUID.randomUUID();
            Instant at = start.plusSeconds(i);
            publish(event(id, 1, at, declared(at, at.plus(Duration.ofMinutes(15)))));
            newestFirst.addFirst(id);
        }
        awaitOk(() -> RestAssured.get("/incidents/" + newestFirst.getFirst()));
        awaitOk(() -> RestAssured.get("/incidents/" + newestFirst.getLast()));

        List<Response> pages = LinkedPages.follow("/incidents?declaredFrom=" + start + "&declaredTo="
                + start.plusSeconds(5) + "&limit=2");

        assertThat(pages.stream().flatMap(page -> page.jsonPath().<String>getList("incidentId").stream()))
                .containsExactlyElementsOf(newestFirst);
        assertThat(pages).hasSize(3);
        RestAssured.given().queryParam("limit", 0).get("/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        RestAssured.given().queryParam("after", "not-a-cursor").get("/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("after"));
        RestAssured.given().queryParam("declaredFrom", "yesterday").get("/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("declaredFrom"));
    }

    @Test
    void open_corrective_actions_of_every_incident_are_listed_oldest_due_first() throws Exception {
        awaitOk(() -> RestAssured.get("/incidents"));
        String id = "it-actions-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofHours(1));
        // Due dates before any other test's, so these come first in the list.
        Instant later = Instant.parse("2001-02-01T00:00:00Z");
        Instant sooner = Instant.parse("2001-01-01T00:00:00Z");
        publish(event(id, 1, at, declared(at, at.plus(Duration.ofMinutes(15)))),
                event(id, 2, at.plusSeconds(60), new IncidentResolved("Recovered", at.plus(Duration.ofDays(2)),
                        "sre", Duration.ofDays(5).toSeconds())),
                event(id, 3, at.plusSeconds(120), new RcaPublished("Bad deploy", List.of(
                        new CorrectiveAction("CA-1", "Canary deploys", "platform", later),
                        new CorrectiveAction("CA-2", "Deploy freeze on Fridays", "sre", sooner),
                        new CorrectiveAction("CA-3", "Rollback drill", "sre", sooner)), null)),
                event(id, 4, at.plusSeconds(180), new CorrectiveActionCompleted("CA-3", "Drilled", sooner)));
        awaitOk(() -> RestAssured.get("/incidents/" + id), answer -> answer.jsonPath().getLong("version") == 4);

        RestAssured.get("/incidents/" + id).then().body("correctiveActions.state",
                equalTo(List.of("OPEN", "OPEN", "COMPLETED"))).body("correctiveActions[2].onTime", equalTo(false));
        List<Map<String, Object>> open = RestAssured.get("/corrective-actions").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.incidentId == '" + id + "' }");
        assertThat(open).extracting(action -> action.get("actionId")).containsExactly("CA-2", "CA-1");
        assertThat(open.get(0)).containsEntry("owner", "sre").containsEntry("title", "Checkout down");
        RestAssured.given().queryParam("openActions", "true").get("/incidents").then().statusCode(200)
                .body("incidentId", org.hamcrest.Matchers.hasItem(id));
        RestAssured.given().queryParam("openActions", "maybe").get("/incidents").then().statusCode(400)
                .body("field", equalTo("openActions"));
    }

    private static List<IncidentDetection> awaitDetections(String incidentId, int count) {
        return DetectionReader.read(Set.of(incidentId), found -> found.size() >= count, Duration.ZERO);
    }

    private static Response awaitOk(Supplier<Response> request) throws InterruptedException {
        return awaitOk(request, response -> true);
    }

    private static Response awaitOk(Supplier<Response> request, java.util.function.Predicate<Response> check)
            throws InterruptedException {
        return ProjectionAnswers.awaitOk(request, check, Duration.ofSeconds(60));
    }

    private static IncidentDeclared declared(Instant at, Instant deadline) {
        return IncidentEvents.declared("Checkout down", at, deadline);
    }
}
