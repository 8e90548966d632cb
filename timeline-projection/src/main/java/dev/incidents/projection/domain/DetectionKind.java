package dev.incidents.projection.domain;

/**
 * Promises about to break, broken, still broken, settled; RCA commitments broken; corrective actions about to be due
 * and overdue (the latter reported again, with a growing repeat, while it stays open).
 */
public enum DetectionKind {
    UPDATE_DUE_SOON, UPDATE_OVERDUE, UPDATE_STILL_OVERDUE, UPDATE_OVERDUE_CLEARED, RCA_OVERDUE,
    CORRECTIVE_ACTION_DUE_SOON, CORRECTIVE_ACTION_OVERDUE
}
