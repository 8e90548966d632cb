package dev.incidents.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook receiver for trying the notifier: prints each message it gets (its id, whether the Standard Webhooks
 * signature checks out with the secret it was given, subject and text) and answers 204. A repeated message id is
 * printed as a repeat and not shown again, as a real receiver would drop it.
 */
public final class DemoReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSignatures signatures;
    private final PrintStream out;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    DemoReceiver(String secret, PrintStream out) {
        this.signatures = new WebhookSignatures(secret);
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("DEMO_RECEIVER_PORT", "9000"));
        String secret = env.getOrDefault("DEMO_RECEIVER_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        DemoReceiver receiver = new DemoReceiver(secret, System.out);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", receiver::handle);
        server.start();
        System.out.println("[demo-receiver] listening on http://127.0.0.1:" + port + "/hook (Ctrl-C stops it)");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        boolean valid = signatures.valid(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                exchange.getRequestHeaders().getFirst("webhook-signature"));
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
        print(id, valid, body, exchange.getRequestHeaders().getFirst("traceparent"));
    }

    /** @param traceparent the W3C trace context the sender passed on, if any: the trace of the command behind it */
    private synchronized void print(String id, boolean valid, String body, String traceparent) throws IOException {
        if (!valid) {
            out.println("[demo-receiver] REFUSED " + id + ": the signature does not match the secret");
            return;
        }
        if (!seen.add(id)) {
            out.println("[demo-receiver] repeat of " + id + " dropped");
            return;
        }
        JsonNode event = JSON.readTree(body);
        out.println();
        out.println("=== " + event.path("type").asText() + "  (" + id + ", signature valid)");
        out.println(event.at("/data/subject").asText());
        out.println(event.at("/data/text").asText().strip());
        if (traceparent != null) {
            out.println("(traceparent " + traceparent + ")");
        }
    }
}
