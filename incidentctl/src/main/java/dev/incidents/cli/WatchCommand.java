package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The projection's live stream. In a terminal: the open incidents redrawn every second with their next-update
 * countdowns, overdue in red, and the latest detections below. Elsewhere (a pipe, a script): one line per change,
 * in JSON with {@code -o json}.
 */
@Command(name = "watch", description = "Follow incidents live: countdowns to each promised update, overdue in red.")
final class WatchCommand implements java.util.concurrent.Callable<Integer> {

    private static final int DETECTIONS_SHOWN = 5;
    private static final String CLEAR = "\u001b[H\u001b[2J";

    @ParentCommand
    Incidentctl root;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (e.g. PT10M); default: never")
    Duration duration;

    @Option(names = "--plain", description = "One line per change even in a terminal")
    boolean plain;

    private final Map<String, JsonNode> incidents = new LinkedHashMap<>();
    private final Deque<String> detections = new ArrayDeque<>();
    private volatile boolean timeUp;

    @Override
    public Integer call() throws IOException {
        Api api = root.api();
        api.fromProjection("/incidents?status=open&limit=500").forEach(i -> incidents.put(i.path("incidentId")
                .asText(), i));
        boolean screen = !plain && !root.json() && System.console() != null;
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon().factory());
        if (screen) {
            ticks.scheduleAtFixedRate(this::draw, 0, 1, TimeUnit.SECONDS);
        }
        try (InputStream stream = api.projectionStream("/incidents/stream");
             BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            if (duration != null) {
                ticks.schedule(() -> stop(stream), duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            follow(lines, screen);
        } catch (IOException closed) {
            if (!timeUp) {
                throw closed;
            }
        } finally {
            ticks.shutdownNow();
        }
        if (timeUp) {
            return ExitCode.OK.status();
        }
        throw ProblemAnswer.unavailable("The live stream ended (the projection stopped or restarted); watch again.");
    }

    /** Reads server-sent events until the stream ends. */
    private void follow(BufferedReader lines, boolean screen) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && event != null) {
                changed(event, Json.MAPPER.readTree(data.toString()), screen);
                event = null;
                data.setLength(0);
            }
        }
    }

    private synchronized void changed(String event, JsonNode data, boolean screen) {
        switch (event) {
            case "state" -> incidents.put(data.path("incidentId").asText(), data);
            case "detection" -> {
                detections.addFirst(Times.shown(Instant.parse(data.path("detectedAt").asText()), root.zone()) + "  "
                        + data.path("kind").asText() + "  " + data.path("incidentId").asText()
                        + lateBy(data));
                while (detections.size() > DETECTIONS_SHOWN) {
                    detections.removeLast();
                }
            }
            case "ready" -> {
                if (!screen) {
                    printChange(event, data);
                }
                return;
            }
            default -> {
                return;
            }
        }
        if (!screen) {
            printChange(event, data);
        }
    }

    private void printChange(String event, JsonNode data) {
        PrintWriter out = root.out();
        if (root.json()) {
            out.println(Json.MAPPER.createObjectNode().put("event", event).set("data", data).toString());
        } else {
            out.println(switch (event) {
                case "state" -> Shown.line(data, root.clock(), false);
                case "ready" -> "Watching: every change from now on is shown.";
                default -> detections.peekFirst();
            });
        }
        out.flush();
    }

    private synchronized void draw() {
        StringBuilder screen = new StringBuilder(CLEAR).append(Shown.BOLD).append("incidentctl watch  ")
                .append(Times.shown(root.clock().instant(), root.zone())).append(Shown.RESET).append('\n')
                .append(Shown.header()).append('\n');
        incidents.values().stream().filter(i -> i.path("open").asBoolean())
                .forEach(i -> screen.append(Shown.line(i, root.clock(), true)).append('\n'));
        if (!detections.isEmpty()) {
            screen.append('\n').append("Latest detections").append('\n');
            detections.forEach(line -> screen.append(line).append('\n'));
        }
        root.out().print(screen);
        root.out().flush();
    }

    /** Ends the stream once {@code --for} has passed; reading it then ends without an error. */
    private void stop(InputStream stream) {
        timeUp = true;
        try {
            stream.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String lateBy(JsonNode detection) {
        long late = detection.path("lateBySeconds").asLong();
        return late > 0 ? "  (" + Times.span(Duration.ofSeconds(late)) + " late)" : "";
    }

}
