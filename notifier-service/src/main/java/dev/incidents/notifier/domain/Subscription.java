package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.time.ZoneId;
import java.util.Set;

/**
 * A subscription as stored: the client's choices, its signing secrets, and its version. An EMAIL subscription awaits
 * confirmation from its creation, and again after each change of address, until the recipient confirms: until then
 * it is sent nothing but the request to confirm ({@code confirmedAt} says when it last was).
 */
public record Subscription(String id, long version, Channel channel, String target, Audience audience,
                           Set<Severity> severities, Set<String> components, Set<String> groups,
                           Set<MessageKind> messageKinds,
                           Locale locale, ZoneId timeZone, String commander, Integer escalationLevel,
                           List<SigningSecret> secrets, boolean awaitingConfirmation, Instant confirmedAt,
                           Instant createdAt, Instant updatedAt) {

    public Subscription {
        severities = Set.copyOf(severities);
        components = Set.copyOf(components);
        groups = Set.copyOf(groups);
        messageKinds = Set.copyOf(messageKinds);
        secrets = List.copyOf(secrets);
    }

    /** A new subscription from a valid spec. */
    public static Subscription create(String id, SubscriptionSpec spec, Instant now) {
        List<String> secrets = spec.secrets() == null ? List.of() : spec.secrets();
        return from(id, 1, spec, secrets(secrets, List.of(), now), spec.channel() == Channel.EMAIL, null, now,
                now);
    }

    /**
     * This subscription changed to a valid spec; secrets the spec leaves out stay as they are. A new email address
     * (or a change to EMAIL) must be confirmed again.
     */
    public Subscription change(SubscriptionSpec spec, Instant now) {
        List<SigningSecret> kept = spec.secrets() == null ? secrets : secrets(spec.secrets(), secrets, now);
        boolean newAddress = spec.channel() == Channel.EMAIL
                && (channel != Channel.EMAIL || !target.equals(spec.target().strip()));
        return newAddress ? from(id, version + 1, spec, kept, true, null, createdAt, now)
                : from(id, version + 1, spec, kept, spec.channel() == Channel.EMAIL && awaitingConfirmation,
                        spec.channel() == Channel.EMAIL ? confirmedAt : null, createdAt, now);
    }

    /** The recipient confirmed the address; confirming again changes nothing. */
    public Subscription confirm(Instant now) {
        if (!awaitingConfirmation) {
            return this;
        }
        return new Subscription(id, version + 1, channel, target, audience, severities, components, groups,
                messageKinds, locale, timeZone, commander, escalationLevel, secrets, false, now, createdAt, now);
    }

    /** Whether messages of this kind may go to this subscription now. */
    public boolean mayBeSent(MessageKind kind) {
        return kind == MessageKind.CONFIRMATION_REQUESTED ? awaitingConfirmation : !awaitingConfirmation;
    }

    @Override
    public String toString() {
        return "Subscription[" + id + " v" + version + " " + channel + " " + audience + " to "
                + Targets.logged(channel, target) + (awaitingConfirmation ? ", awaiting confirmation" : "") + "]";
    }

    private static Subscription from(String id, long version, SubscriptionSpec spec, List<SigningSecret> secrets,
                                     boolean awaitingConfirmation, Instant confirmedAt, Instant createdAt,
                                     Instant updatedAt) {
        return new Subscription(id, version, spec.channel(), spec.target().strip(), spec.audience(),
                spec.severities(), spec.components(), spec.groups(), spec.messageKinds(),
                Locale.forLanguageTag(spec.locale()), ZoneId.of(spec.timeZone()), spec.commander(),
                spec.escalationLevel(), secrets, awaitingConfirmation, confirmedAt, createdAt, updatedAt);
    }

    /** A secret already held keeps the time it was added, so rotation can tell the old one from the new. */
    private static List<SigningSecret> secrets(List<String> values, List<SigningSecret> held, Instant now) {
        return values.stream().map(value -> held.stream().filter(secret -> secret.value().equals(value)).findFirst()
                .orElse(new SigningSecret(value, now))).toList();
    }
}
