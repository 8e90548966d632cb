package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** given(events).when(command).then(events) for the decider, at a fixed instant. */
final class DeciderSpecification {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String INCIDENT_ID = "inc-1";

    private final IncidentDecider decider = new IncidentDecider(IncidentPolicy.defaults());
    private final List<IncidentEvent> history;
    private Long expectedVersion;
    private Instant now = NOW;
    private Decision<IncidentEvent> decision;

    private DeciderSpecification(List<IncidentEvent> history) {
        this.history = history;
    }

    static DeciderSpecification given(IncidentEvent... history) {
        return new DeciderSpecification(Arrays.asList(history));
    }

    DeciderSpecification at(Instant instant) {
        this.now = instant;
        return this;
    }

    DeciderSpecification expectingVersion(long version) {
        this.expectedVersion = version;
        return this;
    }

    DeciderSpecification when(IncidentCommand command) {
        decision = decider.decide(command, state(), expectedVersion, now);
        return this;
    }

    /** A declare whose dedup key the given incident holds, joining it. */
    DeciderSpecification whenJoining(IncidentCommand.DeclareIncident command) {
        decision = decider.decideJoin(command, state(), now);
        return this;
    }

    /** A declare whose dedup key no open incident holds. */
    DeciderSpecification whenUnheld(IncidentCommand.DeclareIncident command) {
        decision = decider.decideUnheld(command, now);
        return this;
    }

    /** The state the history and the decision's events make. */
    Incident stateAfter() {
        Incident state = state();
        for (IncidentEvent event : ((Decision.Accepted<IncidentEvent>) decision).events()) {
            state = IncidentDecider.evolve(state, INCIDENT_ID, event);
        }
        return state;
    }

    private Incident state() {
        Incident state = null;
        for (IncidentEvent event : history) {
            state = IncidentDecider.evolve(state, INCIDENT_ID, event);
        }
        return state;
    }

    void then(IncidentEvent... expected) {
        assertThat(decision).isEqualTo(new Decision.Accepted<>(List.of(expected)));
    }

    void thenRejected(Rejection.Reason reason, String field) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.rejection().reason()).isEqualTo(reason);
            assertThat(rejected.rejection().field()).isEqualTo(field);
        });
    }

    Decision<IncidentEvent> decision() {
        return decision;
    }

    String rejectionDetail() {
        return ((Decision.Rejected<IncidentEvent>) decision).rejection().detail();
    }
}
