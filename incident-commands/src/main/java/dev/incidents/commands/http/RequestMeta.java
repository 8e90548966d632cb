package dev.incidents.commands.http;

import dev.incidents.commands.domain.Actor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Headers every command endpoint understands: who acts ({@code X-Actor-Id}, {@code X-Actor-Kind}),
 * {@code If-Match} (expected version) and {@code Idempotency-Key}.
 */
record RequestMeta(Actor actor, Long expectedVersion, String idempotencyKey) {

    private static final Pattern VERSION = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");
    static final int IDEMPOTENCY_KEY_MAX = 255;

    static RequestMeta from(String actorId, String actorKind, String ifMatch, String idempotencyKey) {
        return new RequestMeta(actor(actorId, actorKind), expectedVersion(ifMatch), idempotencyKey(idempotencyKey));
    }

    /** Same key, same incident: same command id, so the decider answers a retry with the first decision. */
    String commandId(String incidentId) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : nameUuid("command|" + incidentId + "|" + idempotencyKey);
    }

    String newIncidentId() {
        return idempotencyKey == null ? UUID.randomUUID().toString() : nameUuid("incident|" + idempotencyKey);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Actor actor(String id, String kind) {
        String actorId = id == null || id.isBlank() ? "anonymous" : id;
        if (actorId.length() > 200 || actorId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("X-Actor-Id", "X-Actor-Id must be at most 200 printable characters.");
        }
        if (kind == null || kind.isBlank()) {
            return new Actor(actorId, Actor.Kind.PERSON);
        }
        try {
            return new Actor(actorId, Actor.Kind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("X-Actor-Kind", "X-Actor-Kind must be PERSON or SERVICE.");
        }
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidFieldException("If-Match", "If-Match must be an incident version such as \"3\".");
        }
        return Long.parseLong(matcher.group(2));
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > IDEMPOTENCY_KEY_MAX || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("Idempotency-Key",
                    "Idempotency-Key must be 1 to " + IDEMPOTENCY_KEY_MAX + " printable characters.");
        }
        return key;
    }
}
