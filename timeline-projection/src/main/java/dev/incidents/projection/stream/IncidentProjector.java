package dev.incidents.projection.stream;

import dev.incidents.avro.IncidentEvent;
import dev.incidents.projection.domain.Detection;
import dev.incidents.projection.domain.IncidentView;
import dev.incidents.projection.domain.Projection;
import dev.incidents.projection.domain.Projection.Outcome;
import dev.incidents.projection.domain.RecordedFact;
import dev.incidents.projection.domain.TimelineEntry;
import dev.incidents.projection.domain.Timer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps each incident's view and timeline, and its deadlines in a store sorted by due time. A wall-clock
 * punctuation reads only the timers due by now (all of them, however late the punctuation), fires each, and writes
 * detections and the new state in the same transaction as the timer's removal.
 */
final class IncidentProjector extends ContextualProcessor<String, IncidentEvent, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentProjector.class);
    private static final byte[] PRESENT = new byte[0];

    private final Projection projection;
    private final Duration scanInterval;
    private KeyValueStore<String, IncidentView> views;
    private KeyValueStore<String, TimelineEntry> timelines;
    private KeyValueStore<Bytes, byte[]> timers;

    IncidentProjector(Projection projection, Duration scanInterval) {
        this.projection = projection;
        this.scanInterval = scanInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        views = context.getStateStore(ProjectionTopology.VIEW_STORE);
        timelines = context.getStateStore(ProjectionTopology.TIMELINE_STORE);
        timers = context.getStateStore(ProjectionTopology.TIMER_STORE);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME,
                millis -> fireDueTimers(Instant.ofEpochMilli(millis)));
    }

    @Override
    public void process(Record<String, IncidentEvent> record) {
        RecordedFact fact = FactMapper.toFact(record.value());
        IncidentView before = views.get(fact.incidentId());
        Outcome outcome = projection.apply(before, fact);
        if (outcome instanceof Outcome.Skipped skipped) {
            LOG.warn("Event {} of incident {} not applied ({}): {}", fact.sequence(), fact.incidentId(),
                    skipped.reason(), skipped.detail());
            return;
        }
        Outcome.Applied applied = (Outcome.Applied) outcome;
        timelines.put(ProjectionTopology.timelineKey(fact.incidentId(), fact.sequence()), applied.entry());
        save(before, applied.view(), applied.detections(), record.timestamp());
    }

    /** Until nothing is due: firing a timer may schedule another that is already due (overdue, then still so). */
    private void fireDueTimers(Instant now) {
        for (List<Timer> due = dueBy(now); !due.isEmpty(); due = dueBy(now)) {
            for (Timer timer : due) {
                timers.delete(TimerKeys.of(timer));
                IncidentView before = views.get(timer.incidentId());
                projection.fire(before, timer, now).ifPresent(fired ->
                        save(before, fired.view(), fired.detections(), now.toEpochMilli()));
            }
        }
    }

    private List<Timer> dueBy(Instant now) {
        List<Timer> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = timers.range(TimerKeys.first(), TimerKeys.dueBy(now))) {
            iterator.forEachRemaining(entry -> due.add(TimerKeys.timer(entry.key)));
        }
        return due;
    }

    private void save(IncidentView before, IncidentView after, List<Detection> detections, long timestamp) {
        views.put(after.incidentId(), after);
        reschedule(before, after);
        for (Detection detection : detections) {
            context().forward(new Record<String, Object>(after.incidentId(), ViewMapper.toDetection(detection),
                    timestamp), ProjectionTopology.DETECTIONS_SINK);
        }
        context().forward(new Record<String, Object>(after.incidentId(), ViewMapper.toState(after), timestamp),
                ProjectionTopology.STATE_SINK);
    }

    private void reschedule(IncidentView before, IncidentView after) {
        Set<Timer> planned = new HashSet<>(projection.plan(after));
        for (Timer old : projection.plan(before)) {
            if (!planned.remove(old)) {
                timers.delete(TimerKeys.of(old));
            }
        }
        List<KeyValue<Bytes, byte[]>> added = planned.stream()
                .map(timer -> KeyValue.pair(TimerKeys.of(timer), PRESENT)).toList();
        timers.putAll(added);
    }
}
