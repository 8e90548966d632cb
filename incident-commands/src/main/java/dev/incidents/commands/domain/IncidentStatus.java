package dev.incidents.commands.domain;

/** Public lifecycle stage, as status pages name it. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
