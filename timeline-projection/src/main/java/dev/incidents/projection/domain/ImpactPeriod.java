package dev.incidents.projection.domain;

import java.time.Instant;

/**
 * A stretch of time an incident affected its components at one severity: from its declaration, a severity change or
 * a reopening, to the next change or its resolution ({@code to} null while it lasts).
 */
public record ImpactPeriod(Instant from, Instant to, Severity severity) {

    public boolean lasting() {
        return to == null;
    }
}
