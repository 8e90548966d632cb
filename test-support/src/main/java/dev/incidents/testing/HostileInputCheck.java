package dev.incidents.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link HostileRequests} to a running service, signed in, and judges the answers: none may be a 5xx, every
 * one must be a problem document (RFC 9457) refusing the request, and no topic may have taken a record meanwhile.
 */
public final class HostileInputCheck {

    /** What came back: how many were sent, by status, and each request that was answered wrongly. */
    public record Report(String service, int sent, Map<Integer, Integer> byStatus, List<String> wrong,
                         Map<String, Long> topicsBefore, Map<String, Long> topicsAfter) {

        /** Prints the summary; fails if any request was answered wrongly, topics changed, or fewer than asked went. */
        public void printAndCheck(int atLeast) {
            System.out.println(summary());
            org.assertj.core.api.Assertions.assertThat(wrong).as("requests answered wrongly").isEmpty();
            org.assertj.core.api.Assertions.assertThat(topicsAfter).as("records on the topics")
                    .isEqualTo(topicsBefore);
            org.assertj.core.api.Assertions.assertThat(sent).as("malformed requests sent").isGreaterThanOrEqualTo(
                    atLeast);
        }

        public String summary() {
            return String.format("Hostile input against %s: %d malformed requests, answers by status %s, %d "
                    + "answered wrongly, records on %s before %s after %s", service, sent, byStatus, wrong.size(),
                    topicsBefore.keySet(), topicsBefore.values(), topicsAfter.values());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final java.util.Set<String> RESTRICTED_HEADERS = java.util.Set.of("content-length", "host",
            "connection", "expect", "upgrade");

    private HostileInputCheck() {
    }

    /** The service's OpenAPI document. */
    public static JsonNode openApi(String baseUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends every request with the token and judges each answer; the topics are counted (once they are still)
     * before and after.
     */
    public static Report run(String service, String baseUrl, String token, List<HostileRequests.Hostile> requests,
                             List<String> topics) {
        Map<String, Long> before = stillCounts(topics);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (HostileRequests.Hostile request : requests) {
            Answer answer = nonAscii(request) ? RawHttp.send(baseUrl, token, request) : send(baseUrl, token, request);
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() < 400
                    || !answer.contentType().startsWith("application/problem+json")) {
                wrong.add(request.name() + " -> " + answer.status() + " " + answer.contentType() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        Map<String, Long> after = stillCounts(topics);
        return new Report(service, requests.size(), byStatus, wrong, before, after);
    }

    /** What came back, however it was sent. */
    record Answer(int status, String contentType, String body) {
    }

    /** Java's client cannot send a header byte beyond ASCII as it is: such requests go over a plain socket. */
    private static boolean nonAscii(HostileRequests.Hostile request) {
        return request.headers().values().stream().anyMatch(value -> value.chars().anyMatch(c -> c > 0x7E));
    }

    private static Answer send(String baseUrl, String token, HostileRequests.Hostile request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<String> answer = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Sending " + request.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records taken by each topic, once two counts half a second apart agree (earlier work has settled). */
    private static Map<String, Long> stillCounts(List<String> topics) {
        AtomicLong previous = new AtomicLong(-1);
        Map<String, Long> counts = new TreeMap<>();
        Await.until("the topics to be still", Duration.ofSeconds(60), () -> {
            counts.clear();
            topics.forEach(topic -> counts.put(topic, TopicReader.endOffsetSum(topic)));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            boolean still = total == previous.getAndSet(total);
            if (!still) {
                sleepHalfASecond();
            }
            return still;
        });
        return Map.copyOf(counts);
    }

    private static void sleepHalfASecond() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
