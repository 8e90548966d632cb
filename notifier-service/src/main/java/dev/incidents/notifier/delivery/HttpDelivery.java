package dev.incidents.notifier.delivery;

import dev.incidents.notifier.domain.AttemptOutcome;

import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One HTTP POST of a message body, with a timeout, and what came of it: delivered on 2xx, otherwise failed with the
 * reason and, for 429 and 503, the receiver's Retry-After (seconds or an HTTP date). Never throws: every way an
 * attempt can end is an outcome.
 */
public final class HttpDelivery {

    private final HttpClient client;
    private final Duration timeout;
    private final Duration longestRetryAfter;
    private final Clock clock;

    /** @param longestRetryAfter the longest wait a receiver's Retry-After may ask for; a longer one is cut to it */
    public HttpDelivery(HttpClient client, Duration timeout, Duration longestRetryAfter, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.longestRetryAfter = longestRetryAfter;
        this.clock = clock;
    }

    public CompletableFuture<AttemptOutcome> post(URI target, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(this::outcome)
                .exceptionally(HttpDelivery::failure);
    }

    private AttemptOutcome outcome(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new AttemptOutcome.Delivered(status);
        }
        Duration retryAfter = status == 429 || status == 503
                ? response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null) : null;
        return new AttemptOutcome.Failed("HTTP " + status, status, retryAfter);
    }

    private static AttemptOutcome failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason;
        if (cause instanceof HttpTimeoutException) {
            reason = "no answer within the timeout";
        } else if (cause instanceof ConnectException) {
            reason = "connection refused or unreachable";
        } else {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return new AttemptOutcome.Failed(reason, 0, null);
    }

    /** Seconds ("120") or an HTTP date, at most the longest allowed; null if neither, or already past. */
    private Duration retryAfter(String header) {
        String value = header.strip();
        if (value.matches("\\d+")) {
            BigInteger seconds = new BigInteger(value);
            return seconds.compareTo(BigInteger.valueOf(longestRetryAfter.toSeconds())) > 0 ? longestRetryAfter
                    : Duration.ofSeconds(seconds.longValueExact());
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? null : atMostLongest(wait);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private Duration atMostLongest(Duration wait) {
        return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
    }
}
