package dev.incidents.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Local webhook receivers, one path per subscription ({@code /r/<n>}), on one HTTP server: each counts the distinct
 * messages it accepted and records the latency from the event's time to arrival. Receivers told to hang keep the
 * request open until the sender gives up.
 */
final class BenchReceivers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicLongArray accepted;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<Integer> hanging = ConcurrentHashMap.newKeySet();
    private final Histogram latencyMillis = new Histogram(3_600_000, 3);

    BenchReceivers(int count) throws IOException {
        accepted = new AtomicLongArray(count);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/r/", exchange -> {
            int receiver = Integer.parseInt(exchange.getRequestURI().getPath().substring("/r/".length()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (hanging.contains(receiver)) {
                hang();
                exchange.close();
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (seen.add(id)) {
                accepted.incrementAndGet(receiver);
                Instant created = Instant.parse(JSON.readTree(body).path("timestamp").asText());
                synchronized (latencyMillis) {
                    latencyMillis.recordValue(Math.max(0, System.currentTimeMillis() - created.toEpochMilli()));
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(int receiver) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/r/" + receiver;
    }

    void hang(Set<Integer> receivers) {
        hanging.addAll(receivers);
    }

    long accepted(int receiver) {
        return accepted.get(receiver);
    }

    /** Latencies recorded since the last call, then forgotten. */
    Histogram takeLatencies() {
        synchronized (latencyMillis) {
            Histogram copy = latencyMillis.copy();
            latencyMillis.reset();
            return copy;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void hang() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
