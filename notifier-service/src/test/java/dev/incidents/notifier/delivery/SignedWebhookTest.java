package dev.incidents.notifier.delivery;

import com.standardwebhooks.Webhook;
import dev.incidents.notifier.domain.SigningSecret;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedWebhookTest {

    static final SigningSecret OLD = new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Instant.EPOCH);
    static final SigningSecret NEW = new SigningSecret("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", Instant.EPOCH);
    static final Instant SENT = Instant.parse("2026-11-23T10:00:00.750Z");
    static final String BODY = "{\"type\":\"incident.public_update\",\"data\":{\"text\":\"Grüße\"}}";

    @Test
    void the_headers_name_the_message_the_second_and_a_signature_per_secret() {
        Map<String, String> headers = SignedWebhook.headers("msg_1", SENT, BODY, List.of(OLD, NEW));

        assertThat(headers.get("webhook-id")).isEqualTo("msg_1");
        assertThat(headers.get("webhook-timestamp")).isEqualTo(String.valueOf(SENT.getEpochSecond()));
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    }

    @Test
    void a_receiver_with_its_own_hmac_code_accepts_either_secret_of_a_rotation() throws Exception {
        Map<String, String> headers = SignedWebhook.headers("msg_1", SENT, BODY, List.of(OLD, NEW));

        for (SigningSecret secret : List.of(OLD, NEW)) {
            String expected = independentSignature(secret.value(), headers.get("webhook-id"),
                    headers.get("webhook-timestamp"), BODY);
            assertThat(Arrays.asList(headers.get("webhook-signature").split(" "))).contains(expected);
        }
        assertThat(Arrays.asList(headers.get("webhook-signature").split(" "))).doesNotContain(
                independentSignature("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), "msg_1",
                        headers.get("webhook-timestamp"), BODY));
    }

    @Test
    void the_specifications_library_verifies_what_was_signed_and_rejects_a_changed_body() throws Exception {
        Map<String, String> headers = SignedWebhook.headers("msg_1", Instant.now(), BODY, List.of(NEW));
        Map<String, List<String>> received = Map.of(
                "webhook-id", List.of(headers.get("webhook-id")),
                "webhook-timestamp", List.of(headers.get("webhook-timestamp")),
                "webhook-signature", List.of(headers.get("webhook-signature")));

        new Webhook(NEW.value()).verify(BODY, received);
        assertThatThrownBy(() -> new Webhook(NEW.value()).verify(BODY.replace("Grüße", "Hello"), received))
                .hasMessageContaining("signature");
    }

    @Test
    void without_a_secret_nothing_is_signed() {
        assertThatThrownBy(() -> SignedWebhook.headers("msg_1", SENT, BODY, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    /** HMAC-SHA256 over id.timestamp.body with the base64-decoded secret, written from the specification. */
    private static String independentSignature(String secret, String id, String timestamp, String body)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }
}
