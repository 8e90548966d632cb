package dev.incidents.notifier.it;

import com.sun.net.httpserver.HttpServer;
import dev.incidents.deploy.WebhookSignatures;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver of webhooks that checks every signature with code of its own ({@link WebhookSignatures},
 * written from the Standard Webhooks specification, not the library the notifier signs with) and answers with a
 * status it is told to: for the next so many requests (a receiver down), or for the first attempts of each message
 * (a receiver that fails every message a few times, whichever messages arrive meanwhile).
 */
final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as received: its message id, whether its signature was valid, its body, if it got a 2xx, and
     * the W3C trace context it carried.
     */
    record Received(String messageId, boolean signatureValid, String body, boolean accepted, String traceparent) {
    }

    private final HttpServer server;
    private volatile WebhookSignatures signatures;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final Map<String, AtomicInteger> attemptsByMessage = new ConcurrentHashMap<>();
    private volatile int failedAttemptsOfEach;
    private volatile int failureStatus = 500;
    private volatile Duration delay = Duration.ZERO;

    /** Checks signatures with this secret from now on: one a sign-up made and answered with. */
    void verifyWith(String secret) {
        signatures = new WebhookSignatures(secret);
    }

    WebhookReceiver(String secret) throws IOException {
        this.signatures = new WebhookSignatures(secret);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean valid = signatures.valid(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"));
            pause();
            int attempt = attemptsByMessage.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger())
                    .incrementAndGet();
            boolean fail = failuresLeft.getAndDecrement() > 0 || attempt <= failedAttemptsOfEach;
            int status = fail ? failureStatus : 204;
            received.add(new Received(id, valid, body, status == 204,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests get {@code status}; the rest 204. */
    void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** The first {@code count} attempts of every message get {@code status}; later ones 204. */
    void failFirstAttemptsOfEach(int count, int status) {
        failureStatus = status;
        failedAttemptsOfEach = count;
    }

    /** Every request takes this long before it is answered (and counted). */
    void delayEach(Duration each) {
        delay = each;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
