package dev.incidents.projection.domain;

/** Public lifecycle stage of an incident. */
public enum Status {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
