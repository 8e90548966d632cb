package dev.incidents.notifier.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The links in mail that act without signing in: confirm an address, unsubscribe (RFC 8058 one-click). Each carries
 * an HMAC-SHA256 token over what it does, the subscription and the address, so it works for that address only (a
 * changed address needs a new link); a confirmation link also expires.
 */
public final class EmailLinks {

    /** What a presented confirmation link is worth. */
    public enum Check { VALID, EXPIRED, INVALID }

    public static final String CONFIRM_PATH = "/mail/confirm/";
    public static final String UNSUBSCRIBE_PATH = "/mail/unsubscribe/";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final String publicUrl;
    private final Duration confirmationValidity;
    private final Clock clock;

    /**
     * @param key base64 of at least 32 random bytes
     * @param publicUrl this service as the recipients reach it
     */
    public EmailLinks(String key, URI publicUrl, Duration confirmationValidity, Clock clock) {
        byte[] bytes = Base64.getDecoder().decode(key.strip());
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The link key (incidents.email.link-key) has " + bytes.length
                    + " bytes; it needs at least " + MIN_KEY_BYTES);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
        this.confirmationValidity = confirmationValidity;
        this.clock = clock;
    }

    /** A link valid for the configured time from now: the page it opens confirms with one button. */
    public Confirmation confirmation(String subscriptionId, String address) {
        Instant expiresAt = clock.instant().plus(confirmationValidity);
        long expires = expiresAt.getEpochSecond();
        String token = token("confirm", subscriptionId, address, expires);
        return new Confirmation(URI.create(publicUrl + CONFIRM_PATH + encode(subscriptionId) + "?expires=" + expires
                + "&token=" + token), expiresAt);
    }

    /** A link in the List-Unsubscribe header and at the foot of every mail; it does not expire. */
    public URI unsubscribe(String subscriptionId, String address) {
        return URI.create(publicUrl + UNSUBSCRIBE_PATH + encode(subscriptionId) + "?token="
                + token("unsubscribe", subscriptionId, address, 0));
    }

    public Check checkConfirmation(String subscriptionId, String address, long expires, String token) {
        if (!matches(token("confirm", subscriptionId, address, expires), token)) {
            return Check.INVALID;
        }
        return clock.instant().isAfter(Instant.ofEpochSecond(expires)) ? Check.EXPIRED : Check.VALID;
    }

    public boolean checkUnsubscribe(String subscriptionId, String address, String token) {
        return matches(token("unsubscribe", subscriptionId, address, 0), token);
    }

    /** A confirmation link and when it stops working. */
    public record Confirmation(URI link, Instant expiresAt) {
    }

    private String token(String purpose, String subscriptionId, String address, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal((purpose + "\n" + subscriptionId + "\n" + address + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
