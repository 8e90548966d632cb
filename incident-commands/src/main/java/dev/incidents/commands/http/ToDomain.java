package dev.incidents.commands.http;

import dev.incidents.commands.domain.CorrectiveAction;
import dev.incidents.commands.domain.IncidentCommand;
import dev.incidents.commands.domain.ThirdPartyCause;
import dev.incidents.support.http.InvalidField;

import java.util.ArrayList;
import java.util.List;

import static dev.incidents.commands.http.Timestamps.optional;

/** Turns request bodies into domain commands, applying the API's defaults (e.g. PUBLIC audience). */
final class ToDomain {

    private ToDomain() {
    }

    static IncidentCommand.DeclareIncident declare(Requests.DeclareIncident r) {
        return new IncidentCommand.DeclareIncident(r.title(), r.severity(), r.summary(), r.components(),
                r.commander(), optional("detectedAt", r.detectedAt()), r.dedupKey(), r.source());
    }

    static IncidentCommand.PostUpdate postUpdate(Requests.PostUpdate r) {
        return new IncidentCommand.PostUpdate(r.status(), r.message(),
                r.audience() == null ? dev.incidents.commands.domain.Audience.PUBLIC : r.audience(),
                optional("nextUpdateAt", r.nextUpdateAt()));
    }

    static IncidentCommand.ChangeSeverity changeSeverity(Requests.ChangeSeverity r) {
        return new IncidentCommand.ChangeSeverity(r.severity(), r.reason());
    }

    static IncidentCommand.ResolveIncident resolve(Requests.ResolveIncident r) {
        return new IncidentCommand.ResolveIncident(r.message(), optional("rcaDueAt", r.rcaDueAt()), r.rcaOwner());
    }

    static IncidentCommand.ReopenIncident reopen(Requests.ReopenIncident r) {
        return new IncidentCommand.ReopenIncident(r.reason());
    }

    static IncidentCommand.PublishRca publishRca(Requests.PublishRca r) {
        List<CorrectiveAction> actions = new ArrayList<>();
        if (r.correctiveActions() != null) {
            for (Requests.CorrectiveAction a : r.correctiveActions()) {
                if (a == null) {
                    throw new InvalidField("correctiveActions", "correctiveActions must not contain null.");
                }
                actions.add(new CorrectiveAction(a.description(), a.owner(),
                        optional("correctiveActions.dueAt", a.dueAt())));
            }
        }
        ThirdPartyCause thirdParty = r.thirdParty() == null ? null
                : new ThirdPartyCause(r.thirdParty().vendor(), r.thirdParty().description());
        return new IncidentCommand.PublishRca(r.rootCause(), actions, thirdParty);
    }

    static IncidentCommand.LinkCustomerReport linkCustomerReport(Requests.LinkCustomerReport r) {
        return new IncidentCommand.LinkCustomerReport(optional("receivedAt", r.receivedAt()), r.channel(),
                r.reference());
    }

    static IncidentCommand.CompleteCorrectiveAction complete(String actionId, Requests.CompleteCorrectiveAction r) {
        return new IncidentCommand.CompleteCorrectiveAction(actionId, r.note());
    }

    static IncidentCommand.DeclineCorrectiveAction decline(String actionId, Requests.DeclineCorrectiveAction r) {
        return new IncidentCommand.DeclineCorrectiveAction(actionId, r.reason());
    }

    static IncidentCommand.RescheduleCorrectiveAction reschedule(String actionId,
                                                                 Requests.RescheduleCorrectiveAction r) {
        return new IncidentCommand.RescheduleCorrectiveAction(actionId, optional("dueAt", r.dueAt()), r.reason());
    }
}
