package dev.incidents.commands.kafka;

import dev.incidents.avro.MaintenanceCommand;
import dev.incidents.commands.domain.Decision;
import dev.incidents.commands.domain.Maintenance;
import dev.incidents.commands.domain.MaintenanceDecider;
import dev.incidents.commands.domain.MaintenanceEvent;
import dev.incidents.commands.wire.MaintenanceEnvelope;
import dev.incidents.commands.wire.MaintenanceMapper;
import dev.incidents.commands.wire.RecordedMaintenanceEvent;
import dev.incidents.schemas.IncidentTopic;
import dev.incidents.support.tracing.RecordSpan;
import dev.incidents.support.wire.CloudEvents;
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
 * The single writer of each maintenance window: every command for a window id reaches the one task owning its
 * partition, which decides it against the stored state and writes events, state and result in one transaction.
 */
final class MaintenanceDeciderProcessor extends ContextualProcessor<String, Object, String, Object> {

    private final MaintenanceDecider decider;
    private final Clock clock;
    private final Tracer tracer;
    private final CloudEvents cloudEvents;
    private KeyValueStore<String, Maintenance> windows;
    private DecidedCommands decidedCommands;

    MaintenanceDeciderProcessor(MaintenanceDecider decider, Clock clock, Tracer tracer, CloudEvents cloudEvents) {
        this.decider = decider;
        this.clock = clock;
        this.tracer = tracer;
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        windows = context.getStateStore(DeciderTopology.MAINTENANCE_STORE);
        decidedCommands = new DecidedCommands(context, DeciderTopology.MAINTENANCE_DECIDED_COMMANDS_STORE,
                DeciderTopology.MAINTENANCE_RESULTS_SINK, clock);
    }

    /** In a span that continues the command's trace; the events, state and result written carry it on. */
    @Override
    public void process(Record<String, Object> incoming) {
        try (RecordSpan span = RecordSpan.start(tracer, "decide", incoming.headers())) {
            decide((MaintenanceCommand) incoming.value(), incoming.withHeaders(span.headers()), clock.instant());
        }
    }

    private void decide(MaintenanceCommand command, Record<String, Object> record, Instant now) {
        if (decidedCommands.answerAgain(record, command.getCommandId(), command.getRequestFingerprint(),
                () -> CommandResults.idempotencyKeyReused(command, now))) {
            return;
        }
        MaintenanceEnvelope envelope = MaintenanceMapper.toDomain(command);
        Maintenance state = windows.get(envelope.maintenanceId());
        Decision<MaintenanceEvent> decision = decider.decide(envelope.command(), state, envelope.expectedVersion(),
                now);
        if (decision instanceof Decision.Rejected<MaintenanceEvent> rejected) {
            decidedCommands.answer(record, CommandResults.rejected(command, rejected.rejection(), now), true);
            return;
        }
        List<String> eventIds = new ArrayList<>();
        for (MaintenanceEvent event : ((Decision.Accepted<MaintenanceEvent>) decision).events()) {
            long sequence = state == null ? 1 : state.version() + 1;
            String eventId = DecidedCommands.eventId(envelope.commandId(), eventIds.size());
            context().forward(record.withValue((Object) MaintenanceMapper.toAvro(new RecordedMaintenanceEvent(eventId,
                            envelope.maintenanceId(), sequence, now, envelope.actor(), envelope.commandId(), event)))
                    .withHeaders(cloudEvents.headers(record.headers(), IncidentTopic.MAINTENANCE_EVENTS, eventId,
                            CloudEvents.type("maintenance", eventName(event)), envelope.maintenanceId(), now))
                    .withTimestamp(now.toEpochMilli()), DeciderTopology.MAINTENANCE_EVENTS_SINK);
            state = MaintenanceDecider.evolve(state, envelope.maintenanceId(), event);
            eventIds.add(eventId);
        }
        windows.put(envelope.maintenanceId(), state);
        decidedCommands.answer(record, CommandResults.accepted(command, state, eventIds, now), true);
    }

    /** The event's name without the window's: MaintenanceScheduled is "Scheduled". */
    static String eventName(MaintenanceEvent event) {
        return event.getClass().getSimpleName().replaceFirst("^Maintenance", "");
    }
}
