package dev.incidents.notifier.render;

import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.MaintenanceBrief;
import dev.incidents.notifier.domain.Notice;
import dev.incidents.notifier.domain.NoticeDetail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * A notice as one reader's templates see it: every time already in the reader's zone and written the way their
 * locale writes it (with the zone named), every optional part null when absent. {@code subjectId} is the incident's
 * or the maintenance window's id; {@code windowStart} and {@code windowEnd} are a window's planned times.
 */
public record NoticeView(String languageTag, String kind, String subjectId, String title, String severity,
                         String status,
                         String text, String nextUpdate, String rcaDue, String deadline, long lateMinutes,
                         int repeat, String severityFrom, String severityTo, String rootCause,
                         List<Action> actions, String vendor, String actionId, Action action, long lateDays,
                         String windowStart, String windowEnd) {

    /** A corrective action as shown; {@code action} and {@code actionId} are the one an action alert is about. */
    public record Action(String description, String owner) {
    }

    public static NoticeView of(Notice notice, Locale locale, ZoneId zone) {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        Builder view = new Builder(notice, locale, times, zone);
        NoticeDetail detail = notice.detail();
        switch (detail) {
            case NoticeDetail.Declared d -> {
                view.text = d.summary();
                view.nextUpdate = view.time(d.nextUpdateAt());
            }
            case NoticeDetail.Updated u -> {
                view.text = u.message();
                view.nextUpdate = view.time(u.nextUpdateAt());
            }
            case NoticeDetail.SeverityChanged c -> {
                view.text = c.reason();
                view.severityFrom = c.from().name();
                view.severityTo = c.to().name();
                view.nextUpdate = view.time(c.nextUpdateAt());
            }
            case NoticeDetail.Resolved r -> {
                view.text = r.message();
                view.rcaDue = view.time(r.rcaDueAt());
            }
            case NoticeDetail.Reopened r -> {
                view.text = r.reason();
                view.nextUpdate = view.time(r.nextUpdateAt());
            }
            case NoticeDetail.RcaPublished p -> {
                view.rootCause = p.rootCause();
                view.actions = p.correctiveActions().stream().map(a -> new Action(a.description(), a.owner())).toList();
                view.vendor = p.thirdParty();
            }
            case NoticeDetail.ActionAlert a -> {
                view.deadline = view.time(a.dueAt());
                view.lateDays = a.lateBy().toDays();
                view.repeat = a.repeat();
                view.actionId = a.actionId();
                view.action = new Action(a.description(), a.owner());
            }
            case NoticeDetail.DeadlineAlert a -> {
                view.deadline = view.time(a.deadline());
                view.lateMinutes = a.lateBy().toMinutes();
                view.repeat = a.repeat();
                if (notice.subject() instanceof IncidentBrief incident) {
                    view.rcaDue = view.time(incident.rcaDueAt());
                }
            }
            case NoticeDetail.MaintenanceStep step -> view.text = step.text();
        }
        return view.build();
    }

    private static final class Builder {
        private final Notice notice;
        private final Locale locale;
        private final DateTimeFormatter times;
        private final ZoneId zone;
        private String text;
        private String nextUpdate;
        private String rcaDue;
        private String deadline;
        private long lateMinutes;
        private int repeat;
        private String severityFrom;
        private String severityTo;
        private String rootCause;
        private List<Action> actions = List.of();
        private String vendor;
        private String actionId;
        private Action action;
        private long lateDays;

        Builder(Notice notice, Locale locale, DateTimeFormatter times, ZoneId zone) {
            this.notice = notice;
            this.locale = locale;
            this.times = times;
            this.zone = zone;
        }

        String time(Instant instant) {
            // JDK 20+ (CLDR 42) puts a narrow no-break space before AM/PM, which some mail clients and terminals
            // show as a box: messages use an ordinary space, whichever JDK writes them.
            return instant == null ? null
                    : times.format(instant).replace('\u202f', ' ') + " (" + zone.getId() + ")";
        }

        NoticeView build() {
            String title = notice.subject().title() != null ? notice.subject().title() : notice.subject().id();
            String severity = null;
            String status;
            String windowStart = null;
            String windowEnd = null;
            switch (notice.subject()) {
                case IncidentBrief incident -> {
                    severity = incident.severity() == null ? null : incident.severity().name();
                    status = incident.status();
                }
                case MaintenanceBrief window -> {
                    status = window.status().name();
                    windowStart = time(window.startsAt());
                    windowEnd = time(window.endsAt());
                }
            }
            return new NoticeView(locale.toLanguageTag(), notice.kind().name(), notice.subject().id(), title,
                    severity, status, text, nextUpdate, rcaDue, deadline, lateMinutes, repeat, severityFrom,
                    severityTo, rootCause, actions, vendor, actionId, action, lateDays, windowStart, windowEnd);
        }
    }
}
