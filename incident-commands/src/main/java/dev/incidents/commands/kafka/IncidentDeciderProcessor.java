package dev.incidents.commands.kafka;

import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.internal.ClaimDedupKey;
import dev.incidents.avro.internal.DedupKeyRequest;
import dev.incidents.avro.internal.ReclaimDedupKey;
import dev.incidents.avro.internal.ReleaseDedupKey;
import dev.incidents.avro.internal.Route;
import dev.incidents.avro.internal.RoutedCommand;
import dev.incidents.commands.domain.Decision;
import dev.incidents.commands.domain.Incident;
import dev.incidents.commands.domain.IncidentCommand.DeclareIncident;
import dev.incidents.commands.domain.IncidentDecider;
import dev.incidents.commands.domain.IncidentEvent;
import dev.incidents.commands.wire.CommandEnvelope;
import dev.incidents.commands.wire.CommandMapper;
import dev.incidents.commands.wire.EventMapper;
import dev.incidents.commands.wire.RecordedEvent;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.wire.CloudEvents;
import dev.incidents.support.tracing.RecordSpan;
import io.opentelemetry.api.trace.Tracer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single writer of each incident: every command for an incident id reaches the one task owning its partition,
 * which decides it against the stored state and writes events, state and result in one transaction.
 * A declare carrying a dedup key first visits the dedup-key registry and comes back routed.
 * Each decided command is remembered ({@link DecidedCommands}): a retry of it gets the same answer.
 */
final class IncidentDeciderProcessor extends ContextualProcessor<String, Object, String, Object> {

    private final IncidentDecider decider;
    private final Clock clock;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private KeyValueStore<String, Incident> incidents;
    private DecidedCommands decidedCommands;

    IncidentDeciderProcessor(IncidentDecider decider, Clock clock, Tracer tracer, CloudEvents cloudEvents) {
        this.decider = decider;
        this.clock = clock;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        incidents = context.getStateStore(DeciderTopology.INCIDENT_STORE);
        decidedCommands = new DecidedCommands(context, DeciderTopology.DECIDED_COMMANDS_STORE,
                DeciderTopology.RESULTS_SINK, clock);
    }

    /** In a span that continues the command's trace; the events, state and result written carry it on. */
    @Override
    public void process(Record<String, Object> incoming) {
        try (RecordSpan span = RecordSpan.start(tracer, "decide", incoming.headers())) {
            Record<String, Object> record = incoming.withHeaders(span.headers());
            Instant now = clock.instant();
            if (record.value() instanceof RoutedCommand routed) {
                if (routed.getRoute() == Route.JOIN_OPEN_INCIDENT) {
                    join(record.key(), routed.getCommand(), record, now);
                } else {
                    decide(routed.getCommand(), true, record, now);
                }
            } else {
                decide((IncidentCommand) record.value(), false, record, now);
            }
        }
    }

    private void decide(IncidentCommand command, boolean dedupKeyClaimed, Record<String, Object> record,
                        Instant now) {
        if (decidedCommands.answerAgain(record, command.getCommandId(), command.getRequestFingerprint(),
                () -> CommandResults.idempotencyKeyReused(command, now))) {
            return;
        }
        CommandEnvelope envelope = CommandMapper.toDomain(command);
        Incident state = incidents.get(envelope.incidentId());
        Decision<IncidentEvent> decision = dedupKeyClaimed && envelope.command() instanceof DeclareIncident declare
                ? decider.decideUnheld(declare, now)
                : decider.decide(envelope.command(), state, envelope.expectedVersion(), now);
        if (decision instanceof Decision.Rejected<IncidentEvent> rejected) {
            decidedCommands.answer(record, CommandResults.rejected(command, rejected.rejection(), now), true);
            if (dedupKeyClaimed) {
                dedupKeyRequest(record, dedupKeyOf(envelope), new ReleaseDedupKey(envelope.incidentId()));
            }
            return;
        }
        if (!dedupKeyClaimed && dedupKeyOf(envelope) != null) {
            dedupKeyRequest(record, dedupKeyOf(envelope), new ClaimDedupKey(command));
            return;
        }
        Incident after = apply(envelope.incidentId(), envelope, state, ((Decision.Accepted<IncidentEvent>) decision).events(),
                record, now);
        decidedCommands.answer(record, CommandResults.accepted(command, after, eventIds(envelope, after, state), now),
                true);
    }

    /** Writes {@code events} of incident {@code incidentId} and its state after them; returns that state. */
    private Incident apply(String incidentId, CommandEnvelope envelope, Incident state, List<IncidentEvent> events,
                           Record<String, Object> record, Instant now) {
        int index = 0;
        for (IncidentEvent event : events) {
            long sequence = state == null ? 1 : state.version() + 1;
            String eventId = DecidedCommands.eventId(envelope.commandId(), index++);
            context().forward(record.withValue((Object) EventMapper.toAvro(new RecordedEvent(eventId, incidentId,
                            sequence, now, envelope.actor(), envelope.commandId(), event)))
                    .withHeaders(cloudEvents.headers(record.headers(), IncidentTopic.INCIDENT_EVENTS, eventId,
                            CloudEvents.type("incident", eventName(event)), incidentId, now))
                    .withTimestamp(now.toEpochMilli()), DeciderTopology.EVENTS_SINK);
            state = IncidentDecider.evolve(state, incidentId, event);
            releaseOrReclaimDedupKey(state, event, record);
        }
        if (!events.isEmpty()) {
            incidents.put(incidentId, state);
        }
        return state;
    }

    /** The ids of the events that took the incident from {@code before} to {@code after}. */
    private static List<String> eventIds(CommandEnvelope envelope, Incident after, Incident before) {
        long count = after.version() - (before == null ? 0 : before.version());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(DecidedCommands.eventId(envelope.commandId(), i));
        }
        return ids;
    }

    private void releaseOrReclaimDedupKey(Incident state, IncidentEvent event, Record<String, Object> record) {
        if (state.dedupKey() == null) {
            return;
        }
        if (event instanceof IncidentEvent.IncidentResolved) {
            dedupKeyRequest(record, state.dedupKey(), new ReleaseDedupKey(state.id()));
        } else if (event instanceof IncidentEvent.IncidentReopened) {
            dedupKeyRequest(record, state.dedupKey(), new ReclaimDedupKey(state.id()));
        }
    }

    /**
     * A declare whose dedup key is held by this incident: if open, it joins it (a monitor's report tells it what
     * changed), else the declare claims the key again. Joining is not remembered as a decision: it runs on the
     * holder's task, not on the one a retry visits first; a retried report finds its changes known and adds nothing.
     */
    private void join(String holderId, IncidentCommand command, Record<String, Object> record, Instant now) {
        Incident holder = incidents.get(holderId);
        CommandEnvelope envelope = CommandMapper.toDomain(command);
        DeclareIncident declare = (DeclareIncident) envelope.command();
        if (holder == null || holder.isResolved()) {
            dedupKeyRequest(record, declare.dedupKey(), new ClaimDedupKey(command));
            return;
        }
        Decision<IncidentEvent> decision = decider.decideJoin(declare, holder, now);
        if (decision instanceof Decision.Rejected<IncidentEvent> rejected) {
            decidedCommands.answer(record, CommandResults.rejected(command, rejected.rejection(), now), false);
            return;
        }
        Incident after = apply(holderId, envelope, holder, ((Decision.Accepted<IncidentEvent>) decision).events(), record, now);
        decidedCommands.answer(record,
                CommandResults.deduplicated(command, after, eventIds(envelope, after, holder), now), false);
    }

    private void dedupKeyRequest(Record<String, Object> record, String dedupKey, Object request) {
        context().forward(record.withKey(dedupKey).withValue((Object) new DedupKeyRequest(dedupKey, request)),
                DeciderTopology.DEDUP_KEY_REQUESTS_SINK);
    }

    private static String dedupKeyOf(CommandEnvelope envelope) {
        return envelope.command() instanceof DeclareIncident declare ? declare.dedupKey() : null;
    }

    /** The event's name without the incident's: IncidentDeclared is "Declared", UpdatePosted "UpdatePosted". */
    static String eventName(IncidentEvent event) {
        return event.getClass().getSimpleName().replaceFirst("^Incident(?=[A-Z])", "");
    }
}
