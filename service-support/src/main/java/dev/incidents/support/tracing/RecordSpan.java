package dev.incidents.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.Headers;

/**
 * The span of handling one record: a child of the trace the record's headers carry (a new trace if none), current
 * while it is open, and the headers the records written on its behalf carry so the trace goes on downstream.
 * With tracing off the span records nothing but still passes the incoming trace context on.
 */
public final class RecordSpan implements AutoCloseable {

    private final Span span;
    private final Scope scope;
    private final Headers incoming;

    private RecordSpan(Span span, Headers incoming) {
        this.span = span;
        this.scope = span.makeCurrent();
        this.incoming = incoming;
    }

    /** @param name what is done with the record, e.g. "decide PostUpdate" */
    public static RecordSpan start(Tracer tracer, String name, Headers headers) {
        return start(tracer, name, TraceHeaders.extract(headers), headers);
    }

    /** A span whose parent is {@code parent}, for a record whose own headers carry no trace (a timer's). */
    public static RecordSpan start(Tracer tracer, String name, Context parent, Headers headers) {
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
        return new RecordSpan(span, headers);
    }

    /** A copy of the incoming headers carrying this span's trace context. */
    public Headers headers() {
        return TraceHeaders.copyWith(incoming, context());
    }

    public Context context() {
        return Context.current().with(span);
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
