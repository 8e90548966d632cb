package dev.incidents.commands.domain;

/** Impact level; SEV1 is a full outage where customers cannot transact. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public boolean isHigherThan(Severity other) {
        return ordinal() < other.ordinal();
    }
}
