package dev.incidents.projection.domain;

/** Impact level as the projection reads it from events. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
