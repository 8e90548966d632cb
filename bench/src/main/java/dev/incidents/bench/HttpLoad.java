package dev.incidents.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts public updates to a set of open incidents, spread over them round-robin, and records each request's
 * latency. Fixed rate is open-loop (latency counted from the intended send time, so a stall is not hidden);
 * saturation keeps a fixed number of requests in flight.
 */
final class HttpLoad {

    private static final String UPDATE = "{\"status\":\"INVESTIGATING\",\"message\":\"Benchmark update\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;
    private final List<String> incidents;
    private final AtomicInteger next = new AtomicInteger();

    /** @param authorization the Authorization header every request carries (a responder's bearer token) */
    HttpLoad(String baseUrl, String authorization, List<String> incidents) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.incidents = incidents;
    }

    List<String> incidents() {
        return incidents;
    }

    LoadResult saturation(String phase, int concurrency, Duration duration) throws InterruptedException {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loop(end, latency, completed, errors, done);
        }
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(phase, completed.get() / seconds, latency, errors.get());
    }

    LoadResult fixedRate(String phase, double perSecond, Duration duration) throws InterruptedException {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long count = (long) (perSecond * duration.toSeconds());
        CountDownLatch done = new CountDownLatch((int) count);
        for (long i = 0; i < count; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send().whenComplete((status, error) -> {
                record(latency, intended, status, error, completed, errors);
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(phase, completed.get() / seconds, latency, errors.get());
    }

    private void loop(long end, Histogram latency, AtomicLong completed, AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        send().whenComplete((status, error) -> {
            record(latency, sent, status, error, completed, errors);
            loop(end, latency, completed, errors, done);
        });
    }

    private static void record(Histogram latency, long since, Integer status, Throwable error, AtomicLong completed,
                               AtomicLong errors) {
        if (error == null && status == 201) {
            completed.incrementAndGet();
            synchronized (latency) {
                latency.recordValue((System.nanoTime() - since) / 1000);
            }
        } else {
            errors.incrementAndGet();
        }
    }

    private CompletableFuture<Integer> send() {
        String incident = incidents.get(Math.floorMod(next.getAndIncrement(), incidents.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/incidents/" + incident + "/updates"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
