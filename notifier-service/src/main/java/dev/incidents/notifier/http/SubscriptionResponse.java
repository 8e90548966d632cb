package dev.incidents.notifier.http;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.Severity;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.Targets;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it: everything but the signing secrets, of which only the count and age show, and
 * a chat webhook target (Slack, Teams, Discord) masked after its host ({@link Targets#shown}). An EMAIL subscription
 * awaiting confirmation is sent nothing until its recipient follows the link of the confirmation mail.
 */
public record SubscriptionResponse(String id, long version, Channel channel, String target, Audience audience,
                                   List<Severity> severities, List<String> components, List<String> groups,
                                   List<MessageKind> messageKinds, String locale, String timeZone, String commander,
                                   Integer escalationLevel, List<SecretInfo> signingSecrets,
                                   boolean awaitingConfirmation, Instant confirmedAt, Instant createdAt,
                                   Instant updatedAt) {

    /** That a secret exists and since when; never its value. */
    public record SecretInfo(Instant addedAt) {
    }

    static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(s.id(), s.version(), s.channel(), Targets.shown(s.channel(), s.target()),
                s.audience(),
                s.severities().stream().sorted().toList(), s.components().stream().sorted().toList(),
                s.groups().stream().sorted().toList(), s.messageKinds().stream().sorted().toList(),
                s.locale().toLanguageTag(), s.timeZone().getId(),
                s.commander(), s.escalationLevel(),
                s.secrets().stream().map(secret -> new SecretInfo(secret.addedAt())).toList(),
                s.awaitingConfirmation(), s.confirmedAt(), s.createdAt(), s.updatedAt());
    }
}
