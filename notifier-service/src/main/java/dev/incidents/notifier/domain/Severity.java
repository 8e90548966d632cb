package dev.incidents.notifier.domain;

/** Impact level; SEV1 is a full outage. */
public enum Severity { SEV1, SEV2, SEV3, SEV4 }
