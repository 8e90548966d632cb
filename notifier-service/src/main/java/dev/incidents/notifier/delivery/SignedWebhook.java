package dev.incidents.notifier.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.incidents.notifier.domain.SigningSecret;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks headers of one request: {@code webhook-id} (the message id, the same on every retry, so the
 * receiver can drop repeats), {@code webhook-timestamp} (seconds) and {@code webhook-signature}, one
 * {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} per active secret, space-separated, so a receiver that
 * knows either secret of a rotation accepts it.
 */
public final class SignedWebhook {

    private SignedWebhook() {
    }

    public static Map<String, String> headers(String messageId, Instant sentAt, String body,
                                              List<SigningSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException("A webhook subscription without a signing secret cannot be sent to");
        }
        long timestamp = sentAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", secrets.stream().map(secret -> sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" ")));
        return headers;
    }

    private static String sign(SigningSecret secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret.value()).sign(messageId, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("Cannot sign message " + messageId + " with the secret added at "
                    + secret.addedAt(), e);
        }
    }
}
