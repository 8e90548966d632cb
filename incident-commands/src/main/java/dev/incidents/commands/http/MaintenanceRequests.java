package dev.incidents.commands.http;

import dev.incidents.commands.domain.Audience;
import dev.incidents.commands.domain.MaintenanceCommand;
import dev.incidents.commands.domain.MaintenancePlan;

import static dev.incidents.commands.http.Timestamps.optional;

/** Turns maintenance request bodies into domain commands; a window's audience is PUBLIC unless it says otherwise. */
final class MaintenanceRequests {

    private MaintenanceRequests() {
    }

    static MaintenanceCommand.ScheduleMaintenance schedule(Requests.ScheduleMaintenance r) {
        return new MaintenanceCommand.ScheduleMaintenance(new MaintenancePlan(r.title(), r.description(),
                r.components(), optional("startsAt", r.startsAt()), optional("endsAt", r.endsAt())),
                r.audience() == null ? Audience.PUBLIC : r.audience());
    }

    static MaintenanceCommand.UpdateMaintenance update(Requests.UpdateMaintenance r) {
        return new MaintenanceCommand.UpdateMaintenance(r.message(), r.title(), r.description(), r.components(),
                optional("startsAt", r.startsAt()), optional("endsAt", r.endsAt()));
    }

    static MaintenanceCommand.StartMaintenance start(Requests.MaintenanceStep r) {
        return new MaintenanceCommand.StartMaintenance(r.message());
    }

    static MaintenanceCommand.CompleteMaintenance complete(Requests.MaintenanceStep r) {
        return new MaintenanceCommand.CompleteMaintenance(r.message());
    }

    static MaintenanceCommand.CancelMaintenance cancel(Requests.CancelMaintenance r) {
        return new MaintenanceCommand.CancelMaintenance(r.reason());
    }
}
