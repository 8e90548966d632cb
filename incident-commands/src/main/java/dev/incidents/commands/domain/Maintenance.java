package dev.incidents.commands.domain;

/**
 * What the decider needs to know about one maintenance window to judge the next command; built only by
 * {@link MaintenanceDecider#evolve}. {@code version} is the sequence of the last event applied.
 */
public record Maintenance(String id, long version, MaintenanceStatus status, MaintenancePlan plan,
                          Audience audience) {

    Maintenance next(MaintenanceStatus status, MaintenancePlan plan) {
        return new Maintenance(id, version + 1, status, plan, audience);
    }
}
