package dev.incidents.notifier.wire;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.Severity;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.domain.Subscription;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscriptions between the domain and their Avro record on notifier-subscriptions; signing secrets are sealed on
 * the way out and opened on the way in, so they are never at rest in the clear.
 */
public final class SubscriptionMapper {

    private final SecretSeal seal;

    public SubscriptionMapper(SecretSeal seal) {
        this.seal = seal;
    }

    public dev.incidents.avro.notifier.Subscription toAvro(Subscription s) {
        return dev.incidents.avro.notifier.Subscription.newBuilder()
                .setSubscriptionId(s.id()).setVersion(s.version())
                .setChannel(dev.incidents.avro.notifier.Channel.valueOf(s.channel().name()))
                .setTarget(s.target())
                .setAudience(dev.incidents.avro.Audience.valueOf(s.audience().name()))
                .setSeverities(s.severities().stream().sorted()
                        .map(v -> dev.incidents.avro.Severity.valueOf(v.name())).toList())
                .setComponents(s.components().stream().sorted().toList())
                .setGroups(s.groups().stream().sorted().toList())
                .setMessageKinds(s.messageKinds().stream().sorted()
                        .map(v -> dev.incidents.avro.notifier.MessageKind.valueOf(v.name())).toList())
                .setLocale(s.locale().toLanguageTag()).setTimeZone(s.timeZone().getId())
                .setCommander(s.commander()).setEscalationLevel(s.escalationLevel())
                .setSigningSecrets(s.secrets().stream().map(secret -> sealed(secret, s.id())).toList())
                .setAwaitingConfirmation(s.awaitingConfirmation()).setConfirmedAt(s.confirmedAt())
                .setCreatedAt(s.createdAt()).setUpdatedAt(s.updatedAt())
                .build();
    }

    public Subscription toDomain(dev.incidents.avro.notifier.Subscription s) {
        return toDomain(s, s.getSigningSecrets().stream().map(v -> opened(v, s.getSubscriptionId())).toList());
    }

    /** The subscription with no secrets, none of them unsealed: all that routing a notice needs. */
    public Subscription toDomainWithoutSecrets(dev.incidents.avro.notifier.Subscription s) {
        return toDomain(s, List.of());
    }

    private static Subscription toDomain(dev.incidents.avro.notifier.Subscription s, List<SigningSecret> secrets) {
        return new Subscription(s.getSubscriptionId(), s.getVersion(), Channel.valueOf(s.getChannel().name()),
                s.getTarget(), Audience.valueOf(s.getAudience().name()),
                s.getSeverities().stream().map(v -> Severity.valueOf(v.name())).collect(Collectors.toSet()),
                Set.copyOf(s.getComponents()), Set.copyOf(s.getGroups()),
                s.getMessageKinds().stream().map(v -> MessageKind.valueOf(v.name())).collect(Collectors.toSet()),
                Locale.forLanguageTag(s.getLocale()), ZoneId.of(s.getTimeZone()), s.getCommander(),
                s.getEscalationLevel(),
                secrets, s.getAwaitingConfirmation(), s.getConfirmedAt(), s.getCreatedAt(), s.getUpdatedAt());
    }

    public String activeKeyId() {
        return seal.activeKeyId();
    }

    /** Whether every secret of the record is sealed with the active key (else it is due to be sealed again). */
    public boolean sealedWithActiveKey(dev.incidents.avro.notifier.Subscription s) {
        return s.getSigningSecrets().stream().allMatch(v -> seal.activeKeyId().equals(v.getKeyId()));
    }

    private dev.incidents.avro.notifier.SigningSecret sealed(SigningSecret secret, String subscriptionId) {
        SecretSeal.Sealed sealed = seal.seal(secret.value(), owner(subscriptionId));
        return new dev.incidents.avro.notifier.SigningSecret(sealed.value(), secret.addedAt(), sealed.keyId());
    }

    private SigningSecret opened(dev.incidents.avro.notifier.SigningSecret secret, String subscriptionId) {
        String value = secret.getKeyId() == null ? secret.getSecret()
                : seal.open(new SecretSeal.Sealed(secret.getKeyId(), secret.getSecret()),
                        owner(subscriptionId));
        return new SigningSecret(value, secret.getAddedAt());
    }

    private static String owner(String subscriptionId) {
        return "subscription " + subscriptionId;
    }
}
