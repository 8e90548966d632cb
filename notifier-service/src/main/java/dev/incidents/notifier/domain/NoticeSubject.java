package dev.incidents.notifier.domain;

import java.util.Set;

/**
 * What a notice is about, as the notifier keeps it from what it reads: an incident or a maintenance window. The
 * router needs only this much of either to choose who hears of it.
 */
public sealed interface NoticeSubject permits IncidentBrief, MaintenanceBrief {

    String id();

    /** Null when what named it was never read (it predates the retained events). */
    String title();

    Set<String> components();

    /** The person whose channel hears its alerts: the incident's commander, the window's scheduler. */
    String lead();

    /** How far the alert now open about it has climbed the escalation ladder (0: none). */
    int escalatedTo();

    /** Whether a PUBLIC subscriber may hear of it at all: never of an INTERNAL maintenance window. */
    boolean mayBePublic();
}
