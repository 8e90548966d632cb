package dev.incidents.deploy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks a Standard Webhooks signature the way a receiver would, written from the specification (HMAC-SHA256 over
 * {@code id.timestamp.body} with the base64 key after {@code whsec_}) and independent of the library the notifier
 * signs with: the demo receiver and the tests' receivers use it.
 */
public final class WebhookSignatures {

    private final byte[] key;

    public WebhookSignatures(String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** True if one of the space-separated {@code v1,} signatures matches. */
    public boolean valid(String id, String timestamp, String body, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(signatures.split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
