package dev.incidents.notifier.render;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of an outbound message, in English; the other languages live in messages/msg_*.properties.
 * Parameters are already formatted for the reader (times in their zone and locale).
 */
@MessageBundle(value = "msg", locale = "en")
public interface NoticeMessages {

    @Message("[{severity}] Investigating: {title}")
    String subjectDeclared(String severity, String title);

    @Message("[{severity}] Update: {title}")
    String subjectUpdate(String severity, String title);

    @Message("[{severity}] Severity changed: {title}")
    String subjectSeverityChanged(String severity, String title);

    @Message("[{severity}] Resolved: {title}")
    String subjectResolved(String severity, String title);

    @Message("[{severity}] Reopened: {title}")
    String subjectReopened(String severity, String title);

    @Message("Cause and corrective actions: {title}")
    String subjectRca(String title);

    @Message("Update due soon: {title}")
    String subjectDueSoon(String title);

    @Message("Update overdue: {title}")
    String subjectOverdue(String title);

    @Message("Escalation {repeat}: update still overdue: {title}")
    String subjectStillOverdue(int repeat, String title);

    @Message("Overdue alert closed: {title}")
    String subjectCleared(String title);

    @Message("Cause and corrective actions overdue: {title}")
    String subjectRcaOverdue(String title);

    @Message("Corrective action {actionId} due soon: {title}")
    String subjectActionDueSoon(String actionId, String title);

    @Message("Corrective action {actionId} overdue: {title}")
    String subjectActionOverdue(String actionId, String title);

    @Message("We are investigating a problem and will share what we learn.")
    String investigating();

    @Message("Status: Investigating")
    String statusInvestigating();

    @Message("Status: Identified")
    String statusIdentified();

    @Message("Status: Monitoring")
    String statusMonitoring();

    @Message("Status: Resolved")
    String statusResolved();

    @Message("Next update by {time}.")
    String nextUpdate(String time);

    @Message("Severity changed from {from} to {to}.")
    String severityChanged(String from, String to);

    @Message("The incident is resolved.")
    String resolved();

    @Message("We will publish the cause and our corrective actions by {time}.")
    String rcaDue(String time);

    @Message("The incident has come back; we are investigating again.")
    String reopened();

    @Message("Root cause")
    String rootCause();

    @Message("What we are changing")
    String correctiveActions();

    @Message("{action} (owner: {owner})")
    String correctiveAction(String action, String owner);

    @Message("A supplier was involved ({vendor}); these changes are our own.")
    String thirdParty(String vendor);

    @Message("The public update promised for {time} is due soon.")
    String dueSoon(String time);

    @Message("The public update promised for {time} has not been posted.")
    String overdue(String time);

    @Message("The public update promised for {time} is still missing; {minutes} min late. This is escalation {repeat}.")
    String stillOverdue(String time, long minutes, int repeat);

    @Message("The overdue update has been posted; the alert is closed.")
    String cleared();

    @Message("The cause and corrective actions promised for {time} have not been published.")
    String rcaOverdue(String time);

    @Message("Corrective action {actionId} is due by {time}.")
    String actionDueSoon(String actionId, String time);

    @Message("Corrective action {actionId} was due by {time} and is still open.")
    String actionOverdue(String actionId, String time);

    @Message("{days} d late.")
    String daysLate(long days);

    @Message("This is escalation {repeat}.")
    String escalation(int repeat);

    @Message("Scheduled maintenance: {title}")
    String subjectMaintenanceScheduled(String title);

    @Message("Maintenance plan updated: {title}")
    String subjectMaintenanceUpdated(String title);

    @Message("Maintenance starts soon: {title}")
    String subjectMaintenanceStartingSoon(String title);

    @Message("Maintenance in progress: {title}")
    String subjectMaintenanceStarted(String title);

    @Message("Maintenance completed: {title}")
    String subjectMaintenanceCompleted(String title);

    @Message("Maintenance cancelled: {title}")
    String subjectMaintenanceCancelled(String title);

    @Message("Maintenance not started: {title}")
    String subjectMaintenanceDueToStart(String title);

    @Message("Maintenance overrunning: {title}")
    String subjectMaintenanceOverrun(String title);

    @Message("Escalation {repeat}: maintenance still overrunning: {title}")
    String subjectMaintenanceStillOverrun(int repeat, String title);

    @Message("Planned from {start} to {end}.")
    String maintenanceWindow(String start, String end);

    @Message("The maintenance starts at {time}.")
    String maintenanceStartingSoon(String time);

    @Message("The maintenance has begun.")
    String maintenanceStarted();

    @Message("It is planned to end by {time}.")
    String maintenancePlannedEnd(String time);

    @Message("The maintenance is complete.")
    String maintenanceCompleted();

    @Message("The maintenance will not take place.")
    String maintenanceCancelled();

    @Message("The maintenance was to start at {time} and has not been started.")
    String maintenanceDueToStart(String time);

    @Message("{minutes} min late.")
    String minutesLate(long minutes);

    @Message("The maintenance was to end at {time} and is not completed.")
    String maintenanceOverrun(String time);

    @Message("{minutes} min over.")
    String maintenanceMinutesOver(long minutes);

    // Mail about the subscription itself: confirming the address, unsubscribing.

    @Message("Please confirm: incident updates to {address}")
    String confirmSubject(String address);

    @Message("Someone asked for incident updates to be sent to {address}.")
    String confirmAsked(String address);

    @Message("To receive them, confirm the address by {time}:")
    String confirmAction(String time);

    @Message("Confirm the address")
    String confirmButton();

    @Message("If you did not ask for this, ignore this mail: nothing else will be sent to you.")
    String confirmIgnore();

    @Message("Confirmed. Incident updates will be sent to {address}.")
    String confirmedPage(String address);

    @Message("To stop these mails, unsubscribe:")
    String unsubscribeFooter();

    @Message("Unsubscribe")
    String unsubscribeButton();

    @Message("Stop incident updates to {address}?")
    String unsubscribeAsk(String address);

    @Message("Unsubscribed. No more incident updates will be sent to this address.")
    String unsubscribedPage();
}
