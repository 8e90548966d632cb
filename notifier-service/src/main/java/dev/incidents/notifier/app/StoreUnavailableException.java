package dev.incidents.notifier.app;

/** Kafka cannot take or give back the notifier's state right now; answered 503, nothing changed. */
public final class StoreUnavailableException extends RuntimeException {
    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
