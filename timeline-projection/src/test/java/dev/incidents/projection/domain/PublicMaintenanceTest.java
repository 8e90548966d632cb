package dev.incidents.projection.domain;

import dev.incidents.projection.domain.MaintenanceFact.Recorded;
import dev.incidents.projection.domain.StatusBoard.ComponentState;
import dev.incidents.projection.domain.StatusBoard.Condition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Maintenance windows on the public board: what customers see of them and what they do to components. */
class PublicMaintenanceTest {

    static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");
    static final List<ListedComponent> LISTED = List.of(new ListedComponent("checkout", "Checkout", "Shop"),
            new ListedComponent("search", "Search", "Shop"));

    final MaintenanceProjection projection = MaintenanceProjection.defaults();

    MaintenanceView window(String id, boolean publicAudience, Instant startsAt, List<String> components,
                           MaintenanceFact... later) {
        MaintenanceView view = projection.apply(null, new Recorded(id, 1, T0, new MaintenanceFact.Scheduled(
                "Upgrade " + id, "Brief pauses", components, startsAt, startsAt.plus(Duration.ofHours(1)),
                publicAudience))).view();
        for (int i = 0; i < later.length; i++) {
            view = projection.apply(view, new Recorded(id, i + 2, startsAt.plusSeconds(i), later[i])).view();
        }
        return view;
    }

    PublicMaintenance shown(MaintenanceView view) {
        return PublicMaintenance.of(view).orElseThrow();
    }

    @Test
    void components_of_a_window_under_way_are_under_maintenance_unless_an_incident_makes_them_worse() {
        Instant starts = T0.plus(Duration.ofHours(1));
        PublicMaintenance underWay = shown(window("m-1", true, starts, List.of("checkout", "search"),
                new MaintenanceFact.Started("Starting")));
        PublicIncident slowSearch = new PublicIncident("inc-1", "Search slow", Severity.SEV3, Status.INVESTIGATING,
                List.of("search"), starts.plusSeconds(60), starts.plusSeconds(60), null, null, null, null, null,
                List.of(), List.of(), List.of());

        StatusBoard board = StatusBoard.of(LISTED, Set.of(), List.of(slowSearch), List.of(underWay),
                starts.plusSeconds(120));

        assertThat(board.components()).containsExactly(
                new ComponentState("checkout", "Checkout", "Shop", Condition.UNDER_MAINTENANCE, starts),
                new ComponentState("search", "Search", "Shop", Condition.DEGRADED_PERFORMANCE,
                        starts.plusSeconds(60)));
        assertThat(board.active()).extracting(PublicMaintenance::maintenanceId).containsExactly("m-1");
    }

    @Test
    void an_upcoming_window_changes_no_component_and_the_board_lists_upcoming_soonest_first_then_ended_newest_first() {
        Instant now = T0.plus(Duration.ofMinutes(5));
        PublicMaintenance later = shown(window("later", true, T0.plus(Duration.ofDays(2)), List.of("checkout")));
        PublicMaintenance sooner = shown(window("sooner", true, T0.plus(Duration.ofDays(1)), List.of("checkout")));
        PublicMaintenance cancelled = shown(window("cancelled", true, T0.plus(Duration.ofDays(3)),
                List.of("search"), new MaintenanceFact.Cancelled("Vendor postponed")));

        StatusBoard board = StatusBoard.of(LISTED, Set.of(), List.of(), List.of(later, cancelled, sooner), now);

        assertThat(board.components()).extracting(ComponentState::condition)
                .containsOnly(Condition.OPERATIONAL);
        assertThat(board.upcoming()).extracting(PublicMaintenance::maintenanceId).containsExactly("sooner", "later");
        assertThat(board.maintenances()).extracting(PublicMaintenance::maintenanceId)
                .containsExactly("sooner", "later", "cancelled");
        assertThat(board.active()).isEmpty();
    }

    @Test
    void an_internal_window_never_reaches_the_public_and_private_components_are_hidden() {
        Instant starts = T0.plus(Duration.ofHours(1));
        assertThat(PublicMaintenance.of(window("quiet", false, starts, List.of("checkout")))).isEmpty();

        PublicMaintenance mixed = shown(window("m-2", true, starts, List.of("checkout", "ledger-db"),
                new MaintenanceFact.Started("Starting")));
        StatusBoard board = StatusBoard.of(LISTED, Set.of("ledger-db"), List.of(), List.of(mixed),
                starts.plusSeconds(10));

        assertThat(board.active().getFirst().components()).containsExactly("checkout");
        assertThat(board.components()).extracting(ComponentState::id).containsExactly("checkout", "search");
    }

    @Test
    void a_window_that_ended_beyond_the_history_is_dropped() {
        Instant starts = T0.plus(Duration.ofHours(1));
        PublicMaintenance done = shown(window("old", true, starts, List.of("checkout"),
                new MaintenanceFact.Started("Starting"), new MaintenanceFact.Completed("Done")));

        assertThat(StatusBoard.of(LISTED, Set.of(), List.of(), List.of(done), starts.plus(Duration.ofDays(89)))
                .maintenances()).hasSize(1);
        assertThat(StatusBoard.of(LISTED, Set.of(), List.of(), List.of(done), starts.plus(Duration.ofDays(91)))
                .maintenances()).isEmpty();
        assertThat(done.updates()).extracting(MaintenanceNote::status).containsExactly(
                MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.COMPLETED);
    }
}
