package dev.incidents.notifier.wire;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.Severity;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.domain.Subscription;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Subscriptions between the domain and their Avro record on notifier-subscriptions. */
public final class SubscriptionMapper {

    private SubscriptionMapper() {
    }

    public static dev.incidents.avro.notifier.Subscription toAvro(Subscription s) {
        return dev.incidents.avro.notifier.Subscription.newBuilder()
                .setSubscriptionId(s.id()).setVersion(s.version())
                .setChannel(dev.incidents.avro.notifier.Channel.valueOf(s.channel().name()))
                .setTarget(s.target())
                .setAudience(dev.incidents.avro.Audience.valueOf(s.audience().name()))
                .setSeverities(s.severities().stream().sorted()
                        .map(v -> dev.incidents.avro.Severity.valueOf(v.name())).toList())
                .setComponents(s.components().stream().sorted().toList())
                .setMessageKinds(s.messageKinds().stream().sorted()
                        .map(v -> dev.incidents.avro.notifier.MessageKind.valueOf(v.name())).toList())
                .setLocale(s.locale().toLanguageTag()).setTimeZone(s.timeZone().getId())
                .setCommander(s.commander()).setEscalationLevel(s.escalationLevel())
                .setSigningSecrets(s.secrets().stream().map(secret -> new dev.incidents.avro.notifier.SigningSecret(
                        secret.value(), secret.addedAt())).toList())
                .setCreatedAt(s.createdAt()).setUpdatedAt(s.updatedAt())
                .build();
    }

    public static Subscription toDomain(dev.incidents.avro.notifier.Subscription s) {
        return new Subscription(s.getSubscriptionId(), s.getVersion(), Channel.valueOf(s.getChannel().name()),
                s.getTarget(), Audience.valueOf(s.getAudience().name()),
                s.getSeverities().stream().map(v -> Severity.valueOf(v.name())).collect(Collectors.toSet()),
                Set.copyOf(s.getComponents()),
                s.getMessageKinds().stream().map(v -> MessageKind.valueOf(v.name())).collect(Collectors.toSet()),
                Locale.forLanguageTag(s.getLocale()), ZoneId.of(s.getTimeZone()), s.getCommander(),
                s.getEscalationLevel(),
                s.getSigningSecrets().stream().map(v -> new SigningSecret(v.getSecret(), v.getAddedAt())).toList(),
                s.getCreatedAt(), s.getUpdatedAt());
    }
}
