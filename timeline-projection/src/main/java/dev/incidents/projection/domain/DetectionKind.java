package dev.incidents.projection.domain;

/** Promises about to break, broken, still broken, settled; and RCA commitments broken. */
public enum DetectionKind {
    UPDATE_DUE_SOON, UPDATE_OVERDUE, UPDATE_STILL_OVERDUE, UPDATE_OVERDUE_CLEARED, RCA_OVERDUE
}
