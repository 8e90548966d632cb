package dev.incidents.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of commands, as the services that declare and update incidents send them: each worker declares
 * its incidents, then posts a public update to each in turn. Every command has its own Idempotency-Key and is sent
 * again with it, to the next instance, until one acknowledges it (201, or 202 while it is being decided), as a
 * client behind a load balancer would; a command no instance acknowledges within {@link #PATIENCE} is given up.
 */
final class CommandLoad implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command and how it ended; {@code acknowledgedAt} is 0 when no instance acknowledged it. */
    record Sent(String kind, String incidentId, String commandId, long firstTriedAt, long acknowledgedAt,
                int status) {
        boolean acknowledged() {
            return acknowledgedAt > 0;
        }

        long waitedMillis() {
            return acknowledgedAt - firstTriedAt;
        }
    }

    private final List<String> commandUrls;
    private final String token;
    private final Duration pause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService workers;
    private final int workerCount;
    private final int incidentsPerWorker;

    /**
     * @param commandUrls every instance of incident-commands
     * @param pause       how long each worker rests between two commands
     */
    CommandLoad(List<String> commandUrls, String token, int workerCount, int incidentsPerWorker, Duration pause) {
        this.commandUrls = List.copyOf(commandUrls);
        this.token = token;
        this.workerCount = workerCount;
        this.incidentsPerWorker = incidentsPerWorker;
        this.pause = pause;
        this.workers = Executors.newFixedThreadPool(workerCount);
    }

    void start() {
        for (int worker = 0; worker < workerCount; worker++) {
            int number = worker;
            workers.submit(() -> work(number));
        }
    }

    /** Stops sending new commands and waits for those under way to end. */
    void stop() throws InterruptedException {
        running.set(false);
        workers.shutdown();
        if (!workers.awaitTermination(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Commands still under way " + PATIENCE + " after the load stopped");
        }
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    private Void work(int worker) throws InterruptedException {
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < incidentsPerWorker && running.get(); i++) {
            Sent declared = send("declare", "/incidents", null, "{\"title\":\"Cluster test " + worker + "-" + i
                    + "\",\"severity\":\"SEV1\",\"summary\":\"Checkout fails for some customers\"}");
            if (declared.acknowledged()) {
                incidents.add(declared.incidentId());
            }
            Thread.sleep(pause.toMillis());
        }
        int update = 0;
        while (running.get() && !incidents.isEmpty()) {
            String incident = incidents.get(update % incidents.size());
            send("update", "/incidents/" + incident + "/updates", incident, "{\"status\":\"INVESTIGATING\","
                    + "\"message\":\"Update " + update + ": still working on it\"}");
            update++;
            Thread.sleep(pause.toMillis());
        }
        return null;
    }

    private Sent send(String kind, String path, String incidentId, String body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long first = System.currentTimeMillis();
        int status = 0;
        while (System.currentTimeMillis() - first < PATIENCE.toMillis()) {
            String url = commandUrls.get(Math.floorMod(next.getAndIncrement(), commandUrls.size())) + path;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 200 || status == 201 || status == 202) {
                    JsonNode answer = JSON.readTree(response.body());
                    return record(new Sent(kind, answer.path("incidentId").asText(incidentId),
                            answer.path("commandId").asText(), first, System.currentTimeMillis(), status));
                }
                if (status >= 400 && status < 500 && status != 408 && status != 429) {
                    return record(new Sent(kind, incidentId, "", first, 0, status));
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(200);
        }
        return record(new Sent(kind, incidentId, "", first, 0, status));
    }

    private Sent record(Sent command) {
        sent.add(command);
        return command;
    }

    @Override
    public void close() {
        running.set(false);
        workers.shutdownNow();
    }
}
