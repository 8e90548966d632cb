package dev.incidents.commands.http;

import dev.incidents.commands.domain.Rejection;

/** A command refused by the rules, before sending or by the decider; becomes a problem+json answer. */
public final class CommandRejectedException extends RuntimeException {
    private final String reason;
    private final String field;

    CommandRejectedException(Rejection rejection) {
        super(rejection.detail());
        this.reason = rejection.reason().name();
        this.field = rejection.field();
    }

    CommandRejectedException(dev.incidents.avro.Rejection rejection) {
        super(rejection.getDetail());
        this.reason = rejection.getReason().name();
        this.field = rejection.getField();
    }

    String reason() {
        return reason;
    }

    String field() {
        return field;
    }
}
