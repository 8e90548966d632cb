package dev.incidents.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.notifier.domain.AttemptOutcome;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST of a message body, with a timeout, and what came of it: delivered on 2xx, otherwise failed with the
 * reason and, for 429 and 503, how long the receiver asked to be left alone: its Retry-After header (seconds or an
 * HTTP date), or else a {@code retry_after} in its JSON body (Discord's way). Of the answer's body only its first
 * kilobytes are kept. Never throws: every way an
 * attempt can end is an outcome. Every connection goes only to addresses the {@link NetworkPolicy} permits: the
 * client resolves names through the policy, so the address checked is the address connected to, and redirects are
 * not followed.
 */
public final class HttpDelivery implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpAsyncClient client;
    private final NetworkPolicy policy;
    private final Duration timeout;
    private final Duration longestRetryAfter;
    private final Clock clock;

    /** @param longestRetryAfter the longest wait a receiver's Retry-After may ask for; a longer one is cut to it */
    public HttpDelivery(NetworkPolicy policy, Duration timeout, Duration longestRetryAfter, Clock clock) {
        this.policy = policy;
        this.timeout = timeout;
        this.longestRetryAfter = longestRetryAfter;
        this.clock = clock;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolverFor(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout)).build())
                        .setMaxConnTotal(500).setMaxConnPerRoute(50).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().build();
        client.start();
    }

    public CompletableFuture<AttemptOutcome> post(URI target, String body, Map<String, String> headers) {
        Optional<String> refused = policy.refusalOf(target.getHost() == null ? "" : target.getHost());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new AttemptOutcome.Failed(refused.get(), 0, null));
        }
        return send(target, body, headers, Connection.POOLED);
    }

    /**
     * A pooled connection the receiver closed just after its last answer fails the next request before a byte of
     * answer comes back, or is not sent at all because the pool handed out the connection as it closed: that
     * request goes again at once on a connection of its own, which it then closes (the
     * webhook id makes a repeat safe for the receiver). Any other failure is the attempt's outcome.
     */
    private CompletableFuture<AttemptOutcome> send(URI target, String body, Map<String, String> headers,
                                                   Connection connection) {
        SimpleRequestBuilder request = SimpleRequestBuilder.post(target).setBody(body, ContentType.APPLICATION_JSON);
        headers.forEach(request::setHeader);
        if (connection == Connection.OWN) {
            request.setHeader(HttpHeaders.CONNECTION, "close");
        }
        HttpClientContext context = HttpClientContext.create();
        // the pool hands a connection only to a request with the same user token (or to any, if it has none)
        context.setUserToken(connection == Connection.OWN ? new Object() : Connection.POOLED);
        WatchedResponse response = new WatchedResponse();
        Answer answer = new Answer();
        Future<?> pending;
        try {
            pending = client.execute(SimpleRequestProducer.create(request.build()), response, context, answer);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        // a receiver that drips its answer slowly still ends at twice the timeout; an exchange is cancelled only
        // then: cancelled after its answer, it would discard its connection instead of pooling it
        return answer.orTimeout(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> {
                    if (error != null) {
                        pending.cancel(true);
                    }
                })
                .handle((result, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(outcome(result));
                    }
                    if (connection == Connection.POOLED && closedUnanswered(error, response, context)) {
                        return send(target, body, headers, Connection.OWN);
                    }
                    return CompletableFuture.completedFuture(failure(error));
                })
                .thenCompose(outcome -> outcome);
    }

    private static boolean closedUnanswered(Throwable error, WatchedResponse response, HttpClientContext context) {
        Throwable cause = causeOf(error);
        boolean closed = cause instanceof ConnectionClosedException
                || cause instanceof SocketException && !(cause instanceof ConnectException);
        EndpointDetails endpoint = context.getEndpointDetails();
        boolean reused = endpoint != null && endpoint.getRequestCount() > 1;
        return cause instanceof RequestNotExecutedException || closed && reused && !response.answerStarted();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private AttemptOutcome outcome(Message<HttpResponse, byte[]> answer) {
        int status = answer.getHead().getCode();
        if (status / 100 == 2) {
            return new AttemptOutcome.Delivered(status);
        }
        if (status != 429 && status != 503) {
            return new AttemptOutcome.Failed("HTTP " + status, status, null);
        }
        var header = answer.getHead().getFirstHeader("Retry-After");
        Duration retryAfter = header != null ? retryAfter(header.getValue()) : retryAfterInBody(answer.getBody());
        return new AttemptOutcome.Failed("HTTP " + status, status, retryAfter);
    }

    /** Discord's way: {@code {"retry_after": 1.5, ...}} in seconds, fractions allowed; null if the body says none. */
    private Duration retryAfterInBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode seconds = JSON.readTree(body).path("retry_after");
            if (!seconds.isNumber() || seconds.asDouble() <= 0 || !Double.isFinite(seconds.asDouble())) {
                return null;
            }
            return atMostLongest(Duration.ofMillis((long) Math.ceil(seconds.asDouble() * 1000)));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static AttemptOutcome failure(Throwable error) {
        Throwable cause = causeOf(error);
        String reason = switch (cause) {
            case RefusedAddress refused -> NetworkPolicy.REFUSED;
            case TimeoutException timedOut -> "no answer within the timeout";
            case SocketTimeoutException timedOut -> "no answer within the timeout";
            case ConnectException refused -> "connection refused or unreachable";
            default -> cause.getClass().getSimpleName() + ": " + cause.getMessage();
        };
        return new AttemptOutcome.Failed(reason, 0, null);
    }

    /** Whether a connection comes from the shared pool or is opened for one request and closed after it. */
    private enum Connection {
        POOLED, OWN
    }

    /** The answer's head and its first kilobytes, noting whether any of the answer arrived. */
    private static final class WatchedResponse extends BasicResponseConsumer<byte[]> {

        private volatile boolean answerStarted;

        WatchedResponse() {
            super(new BoundedBody());
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context) {
            answerStarted = true;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                    FutureCallback<Message<HttpResponse, byte[]>> resultCallback)
                throws HttpException, IOException {
            answerStarted = true;
            super.consumeResponse(response, entityDetails, context, resultCallback);
        }

        boolean answerStarted() {
            return answerStarted;
        }
    }

    private static Throwable causeOf(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** The client's answer to one request, as a future. */
    private static final class Answer extends CompletableFuture<Message<HttpResponse, byte[]>>
            implements FutureCallback<Message<HttpResponse, byte[]>> {

        @Override
        public void completed(Message<HttpResponse, byte[]> result) {
            complete(result);
        }

        @Override
        public void failed(Exception error) {
            completeExceptionally(error);
        }

        @Override
        public void cancelled() {
            completeExceptionally(new TimeoutException("cancelled"));
        }
    }

    /** The resolver every connection of a delivery with this policy uses. */
    static DnsResolver resolverFor(NetworkPolicy policy) {
        return new PolicyResolver(policy);
    }

    /** A name that resolves to no address the policy permits. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String host) {
            super(host + ": " + NetworkPolicy.REFUSED);
        }
    }

    /** The system's resolver, keeping only the addresses the policy permits: those are the ones connected to. */
    private record PolicyResolver(NetworkPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] permitted = Arrays.stream(SystemDefaultDnsResolver.INSTANCE.resolve(host))
                    .filter(policy::permits).toArray(InetAddress[]::new);
            if (permitted.length == 0) {
                throw new RefusedAddress(host);
            }
            return permitted;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
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
