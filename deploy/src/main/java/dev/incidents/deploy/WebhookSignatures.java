package dev.incidents.deploy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a Standard Webhooks signature the way a receiver should, written from the specification (HMAC-SHA256 over
 * {@code id.timestamp.body} with the base64 key after {@code whsec_}) and independent of the library the notifier
 * signs with: the demo receiver and the tests' receivers use it. Signatures are compared in constant time, and a
 * timestamp more than {@link #TOLERANCE} away from the receiver's clock is refused, so a captured request cannot be
 * replayed later. Users copy demo code: this is the code to copy.
 */
public final class WebhookSignatures {

    /** How far a message's timestamp may be from now (the specification suggests five minutes). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Clock clock;

    public WebhookSignatures(String secret) {
        this(secret, Clock.systemUTC());
    }

    public WebhookSignatures(String secret, Clock clock) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.clock = clock;
    }

    /** True if the timestamp is recent and one of the space-separated {@code v1,} signatures matches. */
    public boolean valid(String id, String timestamp, String body, String signatures) {
        if (id == null || timestamp == null || signatures == null || !recent(timestamp)) {
            return false;
        }
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(id + "." + timestamp + "." + body)))
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures.split(" ")) {
            // every candidate is compared in full, so the time taken says nothing about how close one came
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    private boolean recent(String timestamp) {
        if (!timestamp.matches("\\d{1,12}")) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        return age.compareTo(TOLERANCE) <= 0;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
