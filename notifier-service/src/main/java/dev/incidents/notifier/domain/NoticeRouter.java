package dev.incidents.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who receives a notice. An email address not yet confirmed receives none. Every subscription's filters apply
 * (severities, components and groups, kinds; a maintenance window has no severity and passes a severity filter),
 * and a PUBLIC one sees only public kinds, and nothing of an INTERNAL maintenance window. Beyond that, by role:
 * <ul>
 *   <li>a commander's channel ({@code commander} set) hears about the incidents its commander leads and the
 *   maintenance windows they scheduled (all of them for {@code *}), and is the only place due-soon, overdue,
 *   cleared and RCA-overdue alerts and a window's late start and overrun go; the alerts about a corrective action
 *   go to the incident commander's channel and to its owner's (the channel named after them);</li>
 *   <li>an escalation subscriber ({@code escalationLevel} n) hears only escalations: UpdateStillOverdue, an overdue
 *   corrective action and an overrun window from their n-th repeat on, and what settles an alert that reached it
 *   (the cleared alert; the window's new plan, completion or cancellation);</li>
 *   <li>any other subscription hears every other kind its audience may see.</li>
 * </ul>
 */
public final class NoticeRouter {

    private static final Set<MessageKind> COMMANDER_ALERTS = Set.of(MessageKind.UPDATE_DUE_SOON,
            MessageKind.UPDATE_OVERDUE, MessageKind.UPDATE_OVERDUE_CLEARED, MessageKind.RCA_OVERDUE,
            MessageKind.CORRECTIVE_ACTION_DUE_SOON, MessageKind.CORRECTIVE_ACTION_OVERDUE,
            MessageKind.MAINTENANCE_DUE_TO_START, MessageKind.MAINTENANCE_OVERRUN);

    /** The alerts that climb the escalation ladder with each repeat. */
    private static final Set<MessageKind> ESCALATING = Set.of(MessageKind.UPDATE_STILL_OVERDUE,
            MessageKind.CORRECTIVE_ACTION_OVERDUE, MessageKind.MAINTENANCE_OVERRUN);

    /** What tells those an escalating alert reached that it is settled. */
    private static final Set<MessageKind> SETTLING = Set.of(MessageKind.UPDATE_OVERDUE_CLEARED,
            MessageKind.MAINTENANCE_UPDATED, MessageKind.MAINTENANCE_COMPLETED, MessageKind.MAINTENANCE_CANCELLED);

    private NoticeRouter() {
    }

    /** @param groups the catalog's groups, which a subscription's {@code groups} filter names */
    public static List<Subscription> recipients(Notice notice, Collection<Subscription> subscriptions,
                                                ComponentGroups groups) {
        return subscriptions.stream().filter(subscription -> receives(subscription, notice, groups)).toList();
    }

    /** The message id of a notice for one subscription: the same every time, so receivers can drop repeats. */
    public static String messageId(Notice notice, Subscription subscription) {
        String name = notice.sourceId() + "|" + subscription.id();
        return "msg_" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static boolean receives(Subscription subscription, Notice notice, ComponentGroups groups) {
        return !subscription.awaitingConfirmation() && passesFilters(subscription, notice, groups)
                && byRole(subscription, notice);
    }

    private static boolean passesFilters(Subscription s, Notice notice, ComponentGroups groups) {
        NoticeSubject subject = notice.subject();
        return (s.audience() == Audience.INTERNAL || notice.kind().isPublic() && subject.mayBePublic())
                && passesSeverities(s, subject)
                && touchesChosenParts(s, subject, groups)
                && (s.messageKinds().isEmpty() || s.messageKinds().contains(notice.kind()));
    }

    private static boolean passesSeverities(Subscription s, NoticeSubject subject) {
        return s.severities().isEmpty() || switch (subject) {
            case IncidentBrief incident -> incident.severity() != null && s.severities().contains(incident.severity());
            case MaintenanceBrief ignored -> true;
        };
    }

    /** No component or group chosen: everything; else what names a chosen component or one of a chosen group. */
    private static boolean touchesChosenParts(Subscription s, NoticeSubject subject, ComponentGroups groups) {
        return s.components().isEmpty() && s.groups().isEmpty()
                || subject.components().stream().anyMatch(component -> s.components().contains(component)
                        || groups.groupOf(component).filter(s.groups()::contains).isPresent());
    }

    private static boolean byRole(Subscription s, Notice notice) {
        MessageKind kind = notice.kind();
        if (s.escalationLevel() != null) {
            return escalationReaches(s.escalationLevel(), notice);
        }
        if (s.commander() != null) {
            return (leads(s.commander(), notice.subject()) || owns(s.commander(), notice))
                    && kind != MessageKind.UPDATE_STILL_OVERDUE;
        }
        return !COMMANDER_ALERTS.contains(kind) && kind != MessageKind.UPDATE_STILL_OVERDUE;
    }

    private static boolean escalationReaches(int level, Notice notice) {
        if (ESCALATING.contains(notice.kind()) && notice.detail() instanceof NoticeDetail.RepeatedAlert alert) {
            return alert.repeat() >= level;
        }
        return SETTLING.contains(notice.kind()) && notice.subject().escalatedTo() >= level;
    }

    private static boolean owns(String person, Notice notice) {
        return notice.detail() instanceof NoticeDetail.ActionAlert alert && person.equals(alert.owner());
    }

    private static boolean leads(String commander, NoticeSubject subject) {
        return "*".equals(commander) || commander.equals(subject.lead());
    }
}
