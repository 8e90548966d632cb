package dev.incidents.notifier.domain;

import java.util.List;
import java.util.Set;

/**
 * What a client asks to receive and where: everything of a subscription that the client chooses. {@code secrets}
 * is null when a change leaves the signing secrets as they are (they can never be read back to resend them).
 */
public record SubscriptionSpec(Channel channel, String target, Audience audience, Set<Severity> severities,
                               Set<String> components, Set<String> groups, Set<MessageKind> messageKinds,
                               String locale,
                               String timeZone, String commander, Integer escalationLevel, List<String> secrets) {

    public SubscriptionSpec {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        components = components == null ? Set.of() : Set.copyOf(components);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        messageKinds = messageKinds == null ? Set.of() : Set.copyOf(messageKinds);
        secrets = secrets == null ? null : List.copyOf(secrets);
    }

    /** The same subscription to another target. */
    public SubscriptionSpec withTarget(String newTarget) {
        return new SubscriptionSpec(channel, newTarget, audience, severities, components, groups, messageKinds, locale,
                timeZone, commander, escalationLevel, secrets);
    }

    @Override
    public String toString() {
        return "SubscriptionSpec[" + channel + " " + audience + " to " + Targets.logged(channel, target) + ", " + locale
                + ", " + timeZone
                + (secrets == null ? "" : ", " + secrets.size() + " secret(s)") + "]";
    }
}
