package dev.incidents.notifier.delivery;

import dev.incidents.avro.notifier.OutboundMessage;
import dev.incidents.notifier.domain.AttemptOutcome;
import dev.incidents.notifier.domain.Subscription;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt to send a written message over its subscription's channel: a signed webhook, a Slack, Teams or
 * Discord message, or an email. Secrets are those the subscription holds at the time of the attempt, so a rotation takes effect at once.
 */
public final class MessageSender {

    private final HttpDelivery http;
    private final EmailSender email;
    private final Clock clock;

    public MessageSender(HttpDelivery http, EmailSender email, Clock clock) {
        this.http = http;
        this.email = email;
        this.clock = clock;
    }

    /**
     * @param traceparent the W3C trace context of the attempt: a webhook receiver gets it (chat tools and mail do not,
     *                    they are not ours to trace)
     */
    public CompletableFuture<AttemptOutcome> send(OutboundMessage message, Subscription subscription,
                                                  Optional<String> traceparent) {
        return switch (subscription.channel()) {
            case WEBHOOK -> {
                String body = Payloads.webhook(message);
                Map<String, String> headers = new HashMap<>(SignedWebhook.headers(message.getMessageId(),
                        clock.instant(), body, subscription.secrets()));
                traceparent.ifPresent(value -> headers.put("traceparent", value));
                yield http.post(URI.create(subscription.target()), body, headers);
            }
            case SLACK -> http.post(URI.create(subscription.target()), Payloads.slack(message), Map.of());
            case TEAMS -> http.post(URI.create(subscription.target()), Payloads.teams(message), Map.of());
            case DISCORD -> http.post(URI.create(subscription.target()), Payloads.discord(message), Map.of());
            case EMAIL -> email.send(message, subscription).subscribeAsCompletionStage()
                    .<AttemptOutcome>thenApply(sent -> new AttemptOutcome.Delivered(250))
                    .exceptionally(error -> new AttemptOutcome.Failed("SMTP: " + error.getMessage(), 0, null));
        };
    }
}
