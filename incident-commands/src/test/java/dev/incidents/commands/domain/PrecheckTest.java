package dev.incidents.commands.domain;

import dev.incidents.commands.domain.IncidentCommand.PostUpdate;
import dev.incidents.commands.domain.IncidentCommand.ResolveIncident;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrecheckTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final IncidentDecider decider = new IncidentDecider(IncidentPolicy.defaults());

    @Test
    void a_promise_beyond_every_cadence_is_refused_before_any_state_is_read() {
        var rejection = decider.precheck(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC,
                NOW.plus(Duration.ofMinutes(121))), NOW);
        assertThat(rejection).get().extracting(Rejection::field).isEqualTo("nextUpdateAt");
    }

    @Test
    void a_promise_within_the_longest_cadence_is_left_to_the_decider() {
        assertThat(decider.precheck(new PostUpdate(IncidentStatus.IDENTIFIED, "x", Audience.PUBLIC,
                NOW.plus(Duration.ofMinutes(120))), NOW)).isEmpty();
    }

    @Test
    void an_rca_years_ahead_is_refused() {
        var rejection = decider.precheck(new ResolveIncident("done", NOW.plus(Duration.ofDays(3650)), "bob"), NOW);
        assertThat(rejection).get().extracting(Rejection::field).isEqualTo("rcaDueAt");
    }

    @Test
    void content_rules_apply_too() {
        var rejection = decider.precheck(new PostUpdate(IncidentStatus.IDENTIFIED, "", Audience.PUBLIC, null), NOW);
        assertThat(rejection).get().extracting(Rejection::field).isEqualTo("message");
    }

    @Test
    void an_incident_names_at_most_the_configured_number_of_components() {
        IncidentPolicy defaults = IncidentPolicy.defaults();
        IncidentDecider threeAtMost = new IncidentDecider(new IncidentPolicy(defaults.cadence(),
                defaults.rcaWindow(), defaults.earliestTime(), 3));

        assertThat(threeAtMost.precheck(declare(List.of("api", "web", "db")), NOW)).isEmpty();
        assertThat(threeAtMost.precheck(declare(List.of("api", "web", "db", "cdn")), NOW)).get()
                .extracting(Rejection::field).isEqualTo("components");
        assertThat(decider.precheck(declare(List.of("api", "web", "db", "cdn")), NOW)).isEmpty();
    }

    private static IncidentCommand.DeclareIncident declare(List<String> components) {
        return new IncidentCommand.DeclareIncident("Checkout down", Severity.SEV1, "Customers cannot pay", components,
                null, NOW, null, null);
    }
}
