package dev.incidents.notifier.kafka;

import dev.incidents.notifier.domain.NoticeSubject;
import dev.incidents.notifier.domain.Planned;
import dev.incidents.support.kafka.StoreSweep;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.tracing.TraceHeaders;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Plans the messages of each decoded event or detection of one kind of subject (incidents, maintenance windows):
 * keeps the subject's brief and hands the notice to the {@link NoticeSender}. An hourly wall-clock punctuation
 * forgets the briefs of subjects settled longer ago than the grace (an incident resolved with its RCA published, a
 * window completed or cancelled), so the store holds what may still speak, not everything ever.
 *
 * @param <B> the brief kept per subject
 * @param <H> the happening a record becomes
 */
final class PlanningProcessor<B extends NoticeSubject, H> extends ContextualProcessor<String, Object, String, Object> {

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /**
     * How one kind of subject is planned.
     *
     * @param briefStore    the store of its briefs, by subject id
     * @param happeningOf   a decoded record (event or detection) in the notifier's terms
     * @param subjectOf     the subject id a happening is about
     * @param planner       the domain's planner
     * @param settledBefore whether a brief may be forgotten, given the cutoff
     */
    record Planning<B extends NoticeSubject, H>(String briefStore, Function<Object, H> happeningOf,
                                                Function<H, String> subjectOf, BiFunction<B, H, Planned<B>> planner,
                                                BiPredicate<B, Instant> settledBefore) {
    }

    private final Planning<B, H> planning;
    private final NoticeSender sender;
    private final Duration forgetBriefsAfter;
    private final Tracer tracer;
    private KeyValueStore<String, B> briefs;

    PlanningProcessor(Planning<B, H> planning, NoticeSender sender, Duration forgetBriefsAfter, Tracer tracer) {
        this.planning = planning;
        this.sender = sender;
        this.forgetBriefsAfter = forgetBriefsAfter;
        this.tracer = tracer;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        sender.init(context);
        briefs = context.getStateStore(planning.briefStore());
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> StoreSweep.deleteWhere(briefs,
                brief -> planning.settledBefore().test(brief, Instant.ofEpochMilli(now).minus(forgetBriefsAfter))));
    }

    /** In a span that continues the event's or detection's trace; every message planned carries it on. */
    @Override
    public void process(Record<String, Object> record) {
        H happening = planning.happeningOf().apply(record.value());
        String subjectId = planning.subjectOf().apply(happening);
        try (RecordSpan span = RecordSpan.start(tracer, "plan", record.headers())) {
            Planned<B> planned = planning.planner().apply(briefs.get(subjectId), happening);
            briefs.put(subjectId, planned.brief());
            planned.notice().ifPresent(notice -> sender.send(notice, record.timestamp(),
                    TraceHeaders.of(span.context())));
        }
    }
}
