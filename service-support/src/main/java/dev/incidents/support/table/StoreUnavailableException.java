package dev.incidents.support.table;

/** Kafka cannot take or give back a service's state right now; answered 503, nothing changed. */
public final class StoreUnavailableException extends RuntimeException {

    private final boolean written;

    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreUnavailableException(String message, Throwable cause, boolean written) {
        super(message, cause);
        this.written = written;
    }

    /** Kafka has the change (it is durable), but this instance has not read it back into its copy yet. */
    static StoreUnavailableException notReadBack(String message) {
        return new StoreUnavailableException(message, null, true);
    }

    /** True when the change is in Kafka and only this instance's copy lags behind it. */
    public boolean written() {
        return written;
    }
}
