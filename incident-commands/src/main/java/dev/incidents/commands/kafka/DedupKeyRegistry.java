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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of which open incident holds each dedup key. Declares with the same key meet here, in the
 * order of one partition, so concurrent declares on any number of instances create exactly one incident.
 */
final class DedupKeyRegistry extends ContextualProcessor<String, DedupKeyRequest, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupKeyRegistry.class);

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
        switch (record.value().getRequest()) {
            case ClaimDedupKey claim -> claim(dedupKey, holder, claim.getCommand(), record);
            case ReleaseDedupKey release when release.getIncidentId().equals(holder) -> holders.delete(dedupKey);
            case ReleaseDedupKey release -> {
                // another incident holds the key now: it stays with that one
            }
            case ReclaimDedupKey reclaim when holder == null -> holders.put(dedupKey, reclaim.getIncidentId());
            case ReclaimDedupKey reclaim -> {
                // the key was claimed again meanwhile: the newer holder keeps it
            }
            // An Avro union, not a sealed type: a request this version does not know (written by a newer one
            // during a rolling upgrade) changes nothing here, and says so.
            default -> LOG.warn("Dedup key request of an unknown kind {} for key {} ignored",
                    record.value().getRequest().getClass().getSimpleName(), dedupKey);
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
