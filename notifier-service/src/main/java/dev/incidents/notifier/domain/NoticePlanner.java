package dev.incidents.notifier.domain;

/**
 * Turns what happened into the notice to send, keeping the brief of each incident up to date on the way. Pure:
 * given the same brief and happening it always plans the same notice, whose id derives from the happening's.
 */
public final class NoticePlanner {

    private NoticePlanner() {
    }

    /** The incident's brief after the happening, and the notice to send about it, if any. */
    public static Planned<IncidentBrief> plan(IncidentBrief before, Happening happening) {
        IncidentBrief brief = before != null ? before : unknown(happening);
        return switch (happening) {
            case Happening.Declared d -> notice(new IncidentBrief(d.incidentId(), d.title(), d.severity(),
                            "INVESTIGATING", d.components(), d.commander(), true, d.nextUpdateAt(), null, 0, null),
                    happening, MessageKind.DECLARED, new NoticeDetail.Declared(d.summary(), d.nextUpdateAt()));
            case Happening.UpdatePosted u -> notice(brief.withStatus(u.status(), u.nextUpdateAt()), happening,
                    u.audience() == Audience.PUBLIC ? MessageKind.PUBLIC_UPDATE : MessageKind.INTERNAL_UPDATE,
                    new NoticeDetail.Updated(u.status(), u.message(), u.nextUpdateAt()));
            case Happening.SeverityChanged c -> notice(brief.withSeverity(c.to(), c.nextUpdateAt()), happening,
                    MessageKind.SEVERITY_CHANGED,
                    new NoticeDetail.SeverityChanged(c.from(), c.to(), c.reason(), c.nextUpdateAt()));
            case Happening.Resolved r -> notice(brief.resolved(r.rcaDueAt()), happening, MessageKind.RESOLVED,
                    new NoticeDetail.Resolved(r.message(), r.rcaDueAt()));
            case Happening.Reopened r -> notice(brief.reopened(r.nextUpdateAt()), happening, MessageKind.REOPENED,
                    new NoticeDetail.Reopened(r.reason(), r.nextUpdateAt()));
            case Happening.RcaPublished p -> notice(brief.rcaPublished(p.at()), happening, MessageKind.RCA_PUBLISHED,
                    new NoticeDetail.RcaPublished(p.rootCause(), p.correctiveActions(), p.thirdParty()));
            case Happening.Detected d -> detected(brief, d);
            case Happening.Unannounced ignored -> Planned.silently(brief);
        };
    }

    /**
     * An action's alert leaves the brief as it was. A still-overdue notice carries the climb it reaches; the
     * clearing one carries how far the alert climbed (to reach everyone alerted), and then the climb starts again
     * from nothing.
     */
    private static Planned<IncidentBrief> detected(IncidentBrief brief, Happening.Detected d) {
        if (d.action() != null) {
            return Planned.telling(brief, new Notice(d.sourceId(), d.kind(), brief, d.at(),
                    new NoticeDetail.ActionAlert(d.action().id(), d.action().description(), d.action().owner(),
                            d.deadline(), d.lateBy(), d.repeat())));
        }
        IncidentBrief after = switch (d.kind()) {
            case UPDATE_STILL_OVERDUE -> brief.escalatedTo(Math.max(brief.escalatedTo(), d.repeat()));
            case UPDATE_OVERDUE_CLEARED -> brief.escalatedTo(0);
            default -> brief;
        };
        IncidentBrief told = d.kind() == MessageKind.UPDATE_OVERDUE_CLEARED ? brief : after;
        Notice notice = new Notice(d.sourceId(), d.kind(), told, d.at(),
                new NoticeDetail.DeadlineAlert(d.deadline(), d.lateBy(), d.repeat()));
        return Planned.telling(after, notice);
    }

    private static Planned<IncidentBrief> notice(IncidentBrief after, Happening happening, MessageKind kind,
                                                 NoticeDetail detail) {
        return Planned.telling(after, new Notice(happening.sourceId(), kind, after, happening.at(), detail));
    }

    /** A happening about an incident whose declaration was never read (it predates the retained events). */
    private static IncidentBrief unknown(Happening happening) {
        if (happening instanceof Happening.Detected d) {
            return new IncidentBrief(d.incidentId(), null, d.severity(), null, null, d.commander(), true, null, null,
                    0, null);
        }
        return new IncidentBrief(happening.incidentId(), null, null, null, null, null, true, null, null, 0, null);
    }
}
