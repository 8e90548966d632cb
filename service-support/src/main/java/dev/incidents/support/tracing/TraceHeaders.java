package dev.incidents.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) in Kafka record headers, so one trace follows a
 * command from its HTTP request through the decider, the event, the projection's detection and the notifier's
 * planning to each delivery attempt, whichever service and record it passes.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Headers> SETTER = (headers, key, value) ->
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** The trace context the headers carry; the root context (a new trace) when they carry none. */
    public static Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, GETTER);
    }

    /** Puts {@code context}'s span into {@code headers}, in place of any trace context they carried. */
    public static Headers inject(Context context, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        W3C.inject(context, headers, SETTER);
        return headers;
    }

    /** New headers holding only {@code context}'s trace context. */
    public static Headers of(Context context) {
        return inject(context, new RecordHeaders());
    }

    /** A copy of {@code headers} with {@code context}'s trace context in place of theirs. */
    public static Headers copyWith(Headers headers, Context context) {
        return inject(context, new RecordHeaders(headers.toArray()));
    }

    /** The trace id the headers carry, if they carry a valid trace context. */
    public static Optional<String> traceId(Headers headers) {
        SpanContext span = Span.fromContext(extract(headers)).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** The {@code traceparent} value for {@code context}, for an HTTP request made on its behalf. */
    public static Optional<String> traceparent(Context context) {
        Headers headers = of(context);
        return Optional.ofNullable(GETTER.get(headers, TRACEPARENT));
    }
}
