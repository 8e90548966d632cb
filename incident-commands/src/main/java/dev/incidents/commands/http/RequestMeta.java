package dev.incidents.commands.http;

import dev.incidents.commands.domain.Actor;
import dev.incidents.support.http.InvalidField;
import dev.incidents.support.security.Caller;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a command request says besides its body: who acts (the signed-in caller, from the token alone),
 * {@code If-Match} (expected version) and {@code Idempotency-Key}, which is the caller's own: the same key from
 * another caller names another command.
 */
record RequestMeta(Caller caller, Long expectedVersion, String idempotencyKey) {

    private static final Pattern VERSION = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");
    static final int IDEMPOTENCY_KEY_MAX = 255;

    static RequestMeta from(Caller caller, String ifMatch, String idempotencyKey) {
        return new RequestMeta(caller, expectedVersion(ifMatch), idempotencyKey(idempotencyKey));
    }

    Actor actor() {
        return new Actor(caller.actorId(), caller.machine() ? Actor.Kind.SERVICE : Actor.Kind.PERSON);
    }

    /** Same caller, key and incident: same command id, so the decider answers a retry with the first decision. */
    String commandId(String incidentId) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : nameUuid("command|" + caller.subject() + "|" + incidentId + "|" + idempotencyKey);
    }

    String newIncidentId() {
        return newId("incident");
    }

    String newMaintenanceId() {
        return newId("maintenance");
    }

    /** Same caller and key: same id, so a retried create names the same incident or window. */
    private String newId(String kind) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : nameUuid(kind + "|" + caller.subject() + "|" + idempotencyKey);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidField("If-Match", "If-Match must be an incident version such as \"3\".");
        }
        return Long.parseLong(matcher.group(2));
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        // a Structured Field string, as the IETF Idempotency-Key header defines it: printable ASCII only
        if (key.isBlank() || key.length() > IDEMPOTENCY_KEY_MAX || key.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new InvalidField("Idempotency-Key",
                    "Idempotency-Key must be 1 to " + IDEMPOTENCY_KEY_MAX + " printable ASCII characters.");
        }
        return key;
    }
}
