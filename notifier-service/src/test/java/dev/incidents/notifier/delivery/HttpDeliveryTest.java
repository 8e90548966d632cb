package dev.incidents.notifier.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incidents.notifier.domain.AttemptOutcome;
import dev.incidents.testing.SocketReceiver;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attempts against a real local HTTP server, one behaviour per path. */
class HttpDeliveryTest {

    static final NetworkPolicy LOOPBACK_ALLOWED = NetworkPolicy.allowing(List.of("127.0.0.0/8", "::1/128"));
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final AtomicReference<String> receivedBody = new AtomicReference<>();
    final AtomicReference<String> receivedId = new AtomicReference<>();
    final CountDownLatch release = new CountDownLatch(1);
    HttpServer server;
    HttpDelivery delivery;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> {
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            receivedId.set(exchange.getRequestHeaders().getFirst("webhook-id"));
            answer(exchange, 204, Map.of());
        });
        server.createContext("/busy", exchange -> answer(exchange, 429, Map.of("Retry-After", "120")));
        server.createContext("/down", exchange -> answer(exchange, 503,
                Map.of("Retry-After", "Mon, 23 Nov 2026 10:05:00 GMT")));
        server.createContext("/broken", exchange -> answer(exchange, 500, Map.of("Retry-After", "5")));
        server.createContext("/years", exchange -> answer(exchange, 503, Map.of("Retry-After", "99999999999")));
        server.createContext("/forever", exchange -> answer(exchange, 429,
                Map.of("Retry-After", "999999999999999999999999999999")));
        server.createContext("/far-date", exchange -> answer(exchange, 503,
                Map.of("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));
        server.createContext("/discord-limited", exchange -> answerJson(exchange, 429,
                "{\"message\":\"You are being rate limited.\",\"retry_after\":1.25,\"global\":false}"));
        server.createContext("/chatty", exchange -> answerJson(exchange, 429, "{\"padding\":\""
                + "p".repeat(1_000_000) + "\",\"retry_after\":2}"));
        server.createContext("/hang", exchange -> {
            awaitRelease();
            answer(exchange, 200, Map.of());
        });
        server.start();
        delivery = new HttpDelivery(LOOPBACK_ALLOWED, Duration.ofMillis(500), Duration.ofHours(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        delivery.close();
        release.countDown();
        server.stop(0);
    }

    @Test
    void a_2xx_is_delivered_with_the_body_and_headers_as_sent() throws Exception {
        AttemptOutcome outcome = post("/ok", Map.of("webhook-id", "msg_1"));

        assertThat(outcome).isEqualTo(new AttemptOutcome.Delivered(204));
        assertThat(receivedBody.get()).isEqualTo("{\"hello\":\"Grüße\"}");
        assertThat(receivedId.get()).isEqualTo("msg_1");
    }

    @Test
    void a_429_or_503_carries_the_receivers_retry_after_in_seconds_or_as_a_date() throws Exception {
        assertThat(post("/busy", Map.of())).isEqualTo(new AttemptOutcome.Failed("HTTP 429", 429,
                Duration.ofSeconds(120)));
        assertThat(post("/down", Map.of())).isEqualTo(new AttemptOutcome.Failed("HTTP 503", 503,
                Duration.ofMinutes(5)));
    }

    @Test
    void a_429_without_the_header_carries_discords_retry_after_from_its_json_body() throws Exception {
        assertThat(post("/discord-limited", Map.of())).isEqualTo(new AttemptOutcome.Failed("HTTP 429", 429,
                Duration.ofMillis(1250)));
    }

    @Test
    void a_huge_answer_body_is_read_only_as_far_as_it_is_kept() throws Exception {
        AttemptOutcome.Failed failed = (AttemptOutcome.Failed) post("/chatty", Map.of());

        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.retryAfter()).as("the number lies past the kept kilobytes: none is read").isNull();
    }

    @Test
    void a_retry_after_of_years_is_cut_to_the_longest_allowed_wait() throws Exception {
        for (String path : List.of("/years", "/forever", "/far-date")) {
            AttemptOutcome.Failed failed = (AttemptOutcome.Failed) post(path, Map.of());
            assertThat(failed.retryAfter()).as(path).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void a_target_the_network_policy_refuses_gets_no_connection_and_a_plain_reason() throws Exception {
        try (HttpDelivery strict = new HttpDelivery(NetworkPolicy.allowing(List.of()), Duration.ofMillis(500),
                Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC))) {
            for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
                AttemptOutcome outcome = strict.post(URI.create("http://" + host + ":" + server.getAddress().getPort()
                        + "/ok"), "{}", Map.of()).get(5, TimeUnit.SECONDS);

                assertThat(outcome).as(host).isEqualTo(new AttemptOutcome.Failed(NetworkPolicy.REFUSED, 0, null));
            }
        }
        assertThat(receivedBody.get()).as("nothing reached the receiver").isNull();
    }

    @Test
    void names_are_resolved_through_the_policy_so_the_address_checked_is_the_one_connected_to() throws Exception {
        DnsResolver strict = HttpDelivery.resolverFor(NetworkPolicy.allowing(List.of()));
        DnsResolver loopback = HttpDelivery.resolverFor(LOOPBACK_ALLOWED);

        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining(NetworkPolicy.REFUSED);
        assertThat(loopback.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress).isNotEmpty();
    }

    @Test
    void another_error_status_fails_without_a_wait_of_its_own() throws Exception {
        assertThat(post("/broken", Map.of())).isEqualTo(new AttemptOutcome.Failed("HTTP 500", 500, null));
    }

    @Test
    void a_receiver_that_hangs_fails_at_the_timeout() throws Exception {
        long start = System.nanoTime();
        AttemptOutcome outcome = post("/hang", Map.of());

        assertThat(outcome).isEqualTo(new AttemptOutcome.Failed("no answer within the timeout", 0, null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_receiver_that_is_not_there_fails_without_throwing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AttemptOutcome outcome = delivery.post(URI.create("http://127.0.0.1:" + closedPort + "/x"), "{}", Map.of())
                .get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(AttemptOutcome.Failed.class);
        assertThat(((AttemptOutcome.Failed) outcome).reason()).isEqualTo("connection refused or unreachable");
    }

    @Test
    void a_receiver_that_closes_after_every_answer_gets_every_message_on_the_first_attempt() throws Exception {
        try (SocketReceiver receiver = SocketReceiver.answering(request -> { })) {
            for (int message = 0; message < 300; message++) {
                AttemptOutcome outcome = delivery.post(URI.create(receiver.url("/closing")), "{}",
                        Map.of("webhook-id", "msg_" + message)).get(10, TimeUnit.SECONDS);

                assertThat(outcome).as("message %d", message).isEqualTo(new AttemptOutcome.Delivered(204));
            }
            assertThat(receiver.requests()).as("a repeat goes only where the first try got no byte back")
                    .isBetween(300, 600);
        }
    }

    @Test
    void messages_sent_together_to_a_receiver_that_closes_after_every_answer_all_arrive() throws Exception {
        try (SocketReceiver receiver = SocketReceiver.answering(request -> { })) {
            for (int round = 0; round < 10; round++) {
                List<CompletableFuture<AttemptOutcome>> sent = IntStream.range(0, 20)
                        .mapToObj(n -> delivery.post(URI.create(receiver.url("/closing")), "{}", Map.of())).toList();

                for (CompletableFuture<AttemptOutcome> outcome : sent) {
                    assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered(204));
                }
            }
        }
    }

    @Test
    void a_receiver_that_keeps_connections_gets_each_message_once() throws Exception {
        try (SocketReceiver receiver = SocketReceiver.answering(request -> { }).keepConnections(true)) {
            for (int message = 0; message < 50; message++) {
                assertThat(delivery.post(URI.create(receiver.url("/keeping")), "{}", Map.of())
                        .get(10, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered(204));
            }
            assertThat(receiver.requests()).as("nothing sent twice").isEqualTo(50);
            // an answer completes just before its connection goes back to the pool, so the next message may
            // now and then find none idle and open one more; a connection discarded after each answer makes dozens
            assertThat(receiver.connections()).as("connections were reused").isBetween(1, 5);
        }
    }

    @Test
    void a_receiver_that_closes_without_answering_a_fresh_connection_is_not_sent_it_again() throws Exception {
        try (SocketReceiver receiver = SocketReceiver.silent()) {
            AttemptOutcome.Failed failed = (AttemptOutcome.Failed) delivery.post(URI.create(receiver.url("/silent")),
                    "{}", Map.of()).get(10, TimeUnit.SECONDS);

            assertThat(failed.status()).isZero();
            assertThat(receiver.requests()).as("its own schedule decides when to try again").isEqualTo(1);
        }
    }

    private AttemptOutcome post(String path, Map<String, String> headers) throws Exception {
        return delivery.post(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                "{\"hello\":\"Grüße\"}", headers).get(10, TimeUnit.SECONDS);
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answerJson(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
