package dev.incidents.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A dashboard's view of the projection's live stream ({@code GET /incidents/stream}, server-sent events): each
 * {@code state} event is an arrival about the incident its id names ({@code <incidentId>@<version>}), taken when the
 * event is complete.
 */
final class LiveStreamReader implements AutoCloseable {

    private final Thread reader;
    private final CountDownLatch ready = new CountDownLatch(1);

    LiveStreamReader(String projectionUrl, String authorization, Arrivals arrivals) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(projectionUrl + "/incidents/stream"))
                .header("Authorization", authorization).header("Accept", "text/event-stream").build();
        reader = Thread.ofPlatform().daemon().name("live-stream-reader").start(() -> {
            // HTTP/1.1, as a browser's dashboard reads it over cleartext
            try (Stream<String> lines = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
                Event event = new Event();
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if ("ready".equals(event.name)) {
                            ready.countDown();
                        } else if ("state".equals(event.name) && event.id != null && event.id.contains("@")) {
                            arrivals.arrived(event.id.substring(0, event.id.indexOf('@')), System.nanoTime());
                        }
                        event.name = null;
                        event.id = null;
                    } else if (line.startsWith("event:")) {
                        event.name = line.substring("event:".length()).strip();
                    } else if (line.startsWith("id:")) {
                        event.id = line.substring("id:".length()).strip();
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("The live stream broke off", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The live stream did not say 'ready' within " + timeout);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }

    /** The fields of the event being read. */
    private static final class Event {
        String name;
        String id;
    }
}
