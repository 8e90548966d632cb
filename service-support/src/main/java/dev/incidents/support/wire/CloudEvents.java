package dev.incidents.support.wire;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudEvents' Kafka protocol binding in binary mode for the records other teams read: the event's attributes as
 * {@code ce_*} headers beside the value, which stays the Avro record in Confluent's framing. A CloudEvents reader
 * (any SDK) then knows what a record is, about which incident, when, and where its schema lives, without decoding it.
 * {@code ce_source} names this service; {@code ce_dataschema} the subject version a record was written with, under
 * the registry's Confluent-compatible API.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    /** Avro binary after Confluent's 5-byte framing (magic byte 0, 4-byte schema id). */
    public static final String CONTENT_TYPE = "application/avro; framing=confluent";
    /** {@code ce_type} of every event type: {@code dev.incidents.<what>.<name>.v1}. */
    public static final String TYPE_PREFIX = "dev.incidents.";

    private final URI source;
    private final String registryCompat;
    /** Each topic's {@code ce_dataschema}: the released versions are read once. */
    private final Map<IncidentTopic<?>, String> dataSchemas = new ConcurrentHashMap<>();

    public CloudEvents(URI source, String registryCompat) {
        this.source = source;
        this.registryCompat = registryCompat.replaceAll("/+$", "");
    }

    /** The registry's native API URL ({@code .../apis/registry/v2} or {@code /v3}) turned into its ccompat one. */
    public static String compatApiOf(String registryUrl) {
        String base = registryUrl.replaceAll("/+$", "");
        int apis = base.indexOf("/apis/");
        return (apis < 0 ? base : base.substring(0, apis)) + "/apis/ccompat/v7";
    }

    /** {@code ce_type} for {@code name} of {@code what}: ("incident", "UpdatePosted") is dev.incidents.incident.update-posted.v1. */
    public static String type(String what, String name) {
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
        return TYPE_PREFIX + what + "." + kebab + ".v1";
    }

    /** {@code headers} with this event's attributes added, in a copy: the record's own headers stay as they were. */
    public Headers headers(Headers headers, IncidentTopic<?> topic, String id, String type, String subject,
                           Instant time) {
        RecordHeaders with = new RecordHeaders(headers.toArray());
        put(with, "ce_specversion", SPEC_VERSION);
        put(with, "ce_id", id);
        put(with, "ce_source", source.toString());
        put(with, "ce_type", type);
        put(with, "ce_subject", subject);
        put(with, "ce_time", time.truncatedTo(ChronoUnit.MILLIS).toString());
        put(with, "ce_dataschema", dataSchemas.computeIfAbsent(topic, written -> registryCompat + "/subjects/"
                + written.valueSubject().orElseThrow() + "/versions/" + ReleasedSchemas.versionOf(written)));
        put(with, "content-type", CONTENT_TYPE);
        return with;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
