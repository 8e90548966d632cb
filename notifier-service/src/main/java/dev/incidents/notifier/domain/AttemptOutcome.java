package dev.incidents.notifier.domain;

import java.time.Duration;

/** How one attempt to deliver a message ended. */
public sealed interface AttemptOutcome {

    /** The receiver took it (2xx, or the mail server accepted it). */
    record Delivered(int status) implements AttemptOutcome {
    }

    /**
     * The receiver did not take it; try again later. {@code status} is the HTTP status if one came back (else 0),
     * {@code retryAfter} what the receiver asked for (429 or 503 with Retry-After), or null.
     */
    record Failed(String reason, int status, Duration retryAfter) implements AttemptOutcome {
    }

    /** Not attempted and never to be: the subscription is gone. */
    record Dropped(String reason) implements AttemptOutcome {
    }
}
