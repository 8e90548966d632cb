package dev.incidents.notifier.domain;

import java.time.Instant;
import java.util.Objects;

/** A webhook signing secret in the Standard Webhooks form ({@code whsec_} + base64); never shown, never logged. */
public record SigningSecret(String value, Instant addedAt) {

    public SigningSecret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    @Override
    public String toString() {
        return "SigningSecret[added " + addedAt + "]";
    }
}
