package dev.incidents.commands.kafka;

import dev.incidents.avro.IncidentCommand;
import dev.incidents.avro.internal.ClaimDedupKey;
import dev.incidents.avro.internal.DedupKeyRequest;
import dev.incidents.avro.internal.ReclaimDedupKey;
import dev.incidents.avro.internal.ReleaseDedupKey;
import dev.incidents.avro.internal.Route;
import dev.incidents.avro.internal.RoutedCommand;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of which open incident holds each dedup key. Declares with the same key meet here, in the
 * order of one partition, so concurrent declares on any number of instances create exactly one incident.
 */
final class DedupKeyRegistry extends ContextualProcessor<String, DedupKeyRequest, String, Object> {

    private KeyValueStore<String, String> holders;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        holders = context.getStateStore(DeciderTopology.DEDUP_KEY_STORE);
    }

    @Override
    public void process(Record<String, DedupKeyRequest> record) {
        String dedupKey = record.value().getDedupKey();
        String holder = holders.get(dedupKey);
        Object request = record.value().getRequest();
        if (request instanceof ClaimDedupKey claim) {
            claim(dedupKey, holder, claim.getCommand(), record);
        } else if (request instanceof ReleaseDedupKey release) {
            if (release.getIncidentId().equals(holder)) {
                holders.delete(dedupKey);
            }
        } else if (request instanceof ReclaimDedupKey reclaim && holder == null) {
            holders.put(dedupKey, reclaim.getIncidentId());
        }
    }

    private void claim(String dedupKey, String holder, IncidentCommand command, Record<String, DedupKeyRequest> record) {
        String requested = command.getIncidentId();
        if (holder == null) {
            holders.put(dedupKey, requested);
        }
        boolean joins = holder != null && !holder.equals(requested);
        String target = joins ? holder : requested;
        Route route = joins ? Route.JOIN_OPEN_INCIDENT : Route.DEDUP_KEY_CLAIMED;
        context().forward(record.withKey(target).withValue((Object) new RoutedCommand(route, command)),
                DeciderTopology.ROUTED_COMMANDS_SINK);
    }
}
