package dev.incidents.notifier.wire;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.Channel;
import dev.incidents.notifier.domain.SigningSecret;
import dev.incidents.notifier.domain.Subscription;
import dev.incidents.notifier.domain.SubscriptionSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing secrets are sealed on the wire, open with the key that sealed them, and only for their subscription. */
class SubscriptionMapperTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String KEY_1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String KEY_2 = "HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";

    final SubscriptionMapper withKey1 = new SubscriptionMapper(new SecretSeal("k1", Map.of("k1", KEY_1)));

    @Test
    void the_record_holds_the_secret_sealed_with_the_active_key_and_the_domain_gets_it_back() {
        Subscription subscription = webhook("sub-1");

        dev.incidents.avro.notifier.Subscription record = withKey1.toAvro(subscription);

        dev.incidents.avro.notifier.SigningSecret stored = record.getSigningSecrets().getFirst();
        assertThat(stored.getKeyId()).isEqualTo("k1");
        assertThat(stored.getSecret()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").isNotEqualTo(SECRET);
        assertThat(withKey1.sealedWithActiveKey(record)).isTrue();
        assertThat(withKey1.toDomain(record).secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
    }

    @Test
    void sealing_the_same_secret_twice_gives_two_different_records() {
        Subscription subscription = webhook("sub-1");

        String first = withKey1.toAvro(subscription).getSigningSecrets().getFirst().getSecret();
        String second = withKey1.toAvro(subscription).getSigningSecrets().getFirst().getSecret();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void after_a_rotation_what_the_old_key_sealed_still_opens_and_is_due_to_be_sealed_again() {
        dev.incidents.avro.notifier.Subscription sealedBefore = withKey1.toAvro(webhook("sub-1"));
        SubscriptionMapper rotated = new SubscriptionMapper(new SecretSeal("k2", Map.of("k1", KEY_1, "k2", KEY_2)));

        assertThat(rotated.toDomain(sealedBefore).secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
        assertThat(rotated.sealedWithActiveKey(sealedBefore)).isFalse();
        assertThat(rotated.toAvro(rotated.toDomain(sealedBefore)).getSigningSecrets().getFirst().getKeyId())
                .isEqualTo("k2");
    }

    @Test
    void a_record_written_before_sealing_opens_as_it_is_and_is_due_to_be_sealed() {
        dev.incidents.avro.notifier.Subscription plain = withKey1.toAvro(webhook("sub-1"));
        plain.setSigningSecrets(List.of(new dev.incidents.avro.notifier.SigningSecret(SECRET, T0, null)));

        assertThat(withKey1.toDomain(plain).secrets()).extracting(SigningSecret::value).containsExactly(SECRET);
        assertThat(withKey1.sealedWithActiveKey(plain)).isFalse();
    }

    @Test
    void a_secret_sealed_with_a_key_no_longer_configured_fails_naming_the_key() {
        dev.incidents.avro.notifier.Subscription sealedBefore = withKey1.toAvro(webhook("sub-1"));
        SubscriptionMapper withoutKey1 = new SubscriptionMapper(new SecretSeal("k2", Map.of("k2", KEY_2)));

        assertThatThrownBy(() -> withoutKey1.toDomain(sealedBefore)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'k1'").hasMessageContaining("sub-1").hasMessageNotContaining(SECRET);
    }

    @Test
    void routing_reads_a_subscription_without_opening_its_secrets_so_a_missing_key_does_not_stop_it() {
        Subscription subscription = webhook("sub-1");
        dev.incidents.avro.notifier.Subscription sealedBefore = withKey1.toAvro(subscription);
        SubscriptionMapper withoutKey1 = new SubscriptionMapper(new SecretSeal("k2", Map.of("k2", KEY_2)));

        Subscription forRouting = withoutKey1.toDomainWithoutSecrets(sealedBefore);

        assertThat(forRouting.secrets()).isEmpty();
        assertThat(forRouting).usingRecursiveComparison().ignoringFields("secrets").isEqualTo(subscription);
    }

    @Test
    void a_sealed_secret_copied_into_another_subscription_does_not_open() {
        dev.incidents.avro.notifier.Subscription victim = withKey1.toAvro(webhook("sub-1"));
        dev.incidents.avro.notifier.Subscription attacker = withKey1.toAvro(webhook("sub-2"));
        attacker.setSigningSecrets(victim.getSigningSecrets());

        assertThatThrownBy(() -> withKey1.toDomain(attacker)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void a_key_of_the_wrong_size_or_an_active_key_not_configured_is_refused_at_start() {
        assertThatThrownBy(() -> new SecretSeal("k1", Map.of("k1", "c2hvcnQ="))).hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> new SecretSeal("k9", Map.of("k1", KEY_1))).hasMessageContaining("'k9'");
        assertThatThrownBy(() -> new SecretSeal("k1", Map.of("k1", "not base64!"))).hasMessageContaining("base64");
    }

    private static Subscription webhook(String id) {
        return Subscription.create(id, new SubscriptionSpec(Channel.WEBHOOK, "https://hooks.example.com/x",
                Audience.PUBLIC, null, null, null, null, "en", "UTC", null, null, List.of(SECRET)), T0);
    }
}
