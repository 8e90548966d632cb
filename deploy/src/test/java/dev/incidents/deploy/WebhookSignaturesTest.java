package dev.incidents.deploy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The receivers' signature check, on the Standard Webhooks specification's own example. */
class WebhookSignaturesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void the_specifications_example_is_valid_when_it_is_fresh_among_other_signatures_too() {
        WebhookSignatures signatures = at(Instant.ofEpochSecond(1614265330).plusSeconds(60));

        assertThat(signatures.valid(ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
        assertThat(signatures.valid(ID, TIMESTAMP, BODY, "v1,b2xkLXNlY3JldA== " + SIGNATURE)).isTrue();
    }

    @Test
    void a_changed_body_id_or_signature_is_refused() {
        WebhookSignatures signatures = at(Instant.ofEpochSecond(1614265330));

        assertThat(signatures.valid(ID, TIMESTAMP, BODY + " ", SIGNATURE)).isFalse();
        assertThat(signatures.valid(ID + "x", TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(signatures.valid(ID, TIMESTAMP, BODY, SIGNATURE.replace('g', 'h'))).isFalse();
        assertThat(signatures.valid(ID, TIMESTAMP, BODY, null)).isFalse();
    }

    @Test
    void a_message_older_or_newer_than_five_minutes_is_refused_as_a_possible_replay() {
        Instant signedAt = Instant.ofEpochSecond(1614265330);

        assertThat(at(signedAt.plus(WebhookSignatures.TOLERANCE)).valid(ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
        assertThat(at(signedAt.plus(WebhookSignatures.TOLERANCE).plusSeconds(1)).valid(ID, TIMESTAMP, BODY, SIGNATURE))
                .isFalse();
        assertThat(at(signedAt.minus(WebhookSignatures.TOLERANCE).minusSeconds(1))
                .valid(ID, TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(at(signedAt).valid(ID, "yesterday", BODY, SIGNATURE)).isFalse();
    }

    private static WebhookSignatures at(Instant now) {
        return new WebhookSignatures(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }
}
