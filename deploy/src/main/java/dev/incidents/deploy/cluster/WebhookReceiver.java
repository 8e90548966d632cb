package dev.incidents.deploy.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incidents.deploy.WebhookSignatures;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The subscriber's end of the cluster test: takes every webhook whose Standard Webhooks signature checks out
 * (answering 204, its acknowledgment) and remembers when each message id arrived, so that the test can tell which
 * messages came and which came again after they had been acknowledged.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final HttpServer server;
    private final WebhookSignatures signatures = new WebhookSignatures(SECRET);
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start(String address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 100);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hook", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return receiver;
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id == null || !signatures.valid(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                refused.add(String.valueOf(id));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            arrivals.merge(id, List.of(System.currentTimeMillis()), WebhookReceiver::concat);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static List<Long> concat(List<Long> earlier, List<Long> later) {
        List<Long> all = new ArrayList<>(earlier);
        all.addAll(later);
        return List.copyOf(all);
    }

    /** Every message id acknowledged, with the wall-clock times (epoch ms) it arrived, first first. */
    Map<String, List<Long>> arrivals() {
        return Map.copyOf(arrivals);
    }

    /** Ids of requests whose signature did not check out. */
    Set<String> refused() {
        return Set.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
