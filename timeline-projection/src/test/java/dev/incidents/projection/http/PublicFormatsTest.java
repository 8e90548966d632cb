package dev.incidents.projection.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.incidents.projection.domain.CorrectiveActionView;
import dev.incidents.projection.domain.ImpactPeriod;
import dev.incidents.projection.domain.ListedComponent;
import dev.incidents.projection.domain.MaintenanceNote;
import dev.incidents.projection.domain.MaintenanceStatus;
import dev.incidents.projection.domain.PublicIncident;
import dev.incidents.projection.domain.PublicIncident.PublicUpdate;
import dev.incidents.projection.domain.PublicMaintenance;
import dev.incidents.projection.domain.Severity;
import dev.incidents.projection.domain.Status;
import dev.incidents.projection.domain.StatusBoard;
import dev.incidents.projection.domain.Uptime;
import dev.incidents.projection.web.FormatSchemas;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The public board written as Statuspage JSON and as an Atom feed, checked against the formats' schemas. */
class PublicFormatsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final URI PAGE = URI.create("https://status.example.com/");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    final PublicIncident open = new PublicIncident("inc-1", "Checkout <down> & \"out\"", Severity.SEV2,
            Status.IDENTIFIED, List.of("checkout-api"), T0, T0.plusSeconds(60), null, T0.plusSeconds(900), null,
            null, null, List.of(new PublicUpdate(1, T0, Status.INVESTIGATING, "Payments fail"),
            new PublicUpdate(2, T0.plusSeconds(60), Status.IDENTIFIED, "Rolling back <b>now</b>")), List.of(), List.of());
    final PublicIncident reported = new PublicIncident("inc-2", "Login outage", Severity.SEV1, Status.RESOLVED,
            List.of("Login"), T0, T0.plusSeconds(300), T0.plusSeconds(120), null, T0.plusSeconds(86400),
            T0.plusSeconds(300), "Root cause: certificate", List.of(
            new PublicUpdate(1, T0, Status.INVESTIGATING, "Logins fail"),
            new PublicUpdate(2, T0.plusSeconds(120), Status.RESOLVED, "Logins work again")), List.of(
            new PublicIncident.PublicAction("CA-1", "Alert 30 days before a certificate expires",
                    CorrectiveActionView.State.COMPLETED, T0.plusSeconds(86400), T0.plusSeconds(3600)),
            new PublicIncident.PublicAction("CA-2", "Second certificate authority",
                    CorrectiveActionView.State.OPEN, T0.plusSeconds(864000), null)), List.of());
    final StatusBoard board = StatusBoard.of(List.of(new ListedComponent("website", "Website", null),
            new ListedComponent("checkout-api", "Checkout API", "Shop")), Set.of(), List.of(open, reported),
            List.of(), T0.plusSeconds(400));

    @Test
    void uptime_counts_each_begun_minute_per_condition_and_day_and_weighs_a_partial_outage_at_30_percent()
            throws Exception {
        StatusBoard.ComponentState checkout = board.components().stream()
                .filter(state -> state.id().equals("checkout-api")).findFirst().orElseThrow();
        PublicIncident partial = new PublicIncident("inc-9", "Slow", Severity.SEV2, Status.RESOLVED,
                List.of("checkout-api"), T0, T0.plusSeconds(601), T0.plusSeconds(601), null, null, null, null,
                List.of(), List.of(), List.of(new ImpactPeriod(T0, T0.plusSeconds(601), Severity.SEV2)));

        UptimeShape.ComponentUptime uptime = UptimeShape.of(checkout, Uptime.of("checkout-api", List.of(partial),
                T0.plus(Duration.ofDays(1)), 2));

        assertThat(uptime.history()).extracting(UptimeShape.Day::date).containsExactly(
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));
        assertThat(uptime.history().getFirst().partialOutageMinutes()).as("10 min 1 s").isEqualTo(11);
        assertThat(uptime.totals()).isEqualTo(new UptimeShape.Minutes(0, 11, 0));
        assertThat(uptime.uptimePercent()).isEqualByComparingTo("99.852");
        assertThat(JSON.writeValueAsString(uptime)).contains("\"component\":{\"id\":\"checkout-api\","
                + "\"name\":\"Checkout API\",\"group_name\":\"Shop\"}").contains("\"uptime_percent\":99.852")
                .contains("{\"date\":\"2026-11-23\",\"major_outage_minutes\":0,\"partial_outage_minutes\":11,");
    }

    @Test
    void the_summary_speaks_statuspage_and_validates() throws Exception {
        StatuspageShape.Summary summary = StatuspageShape.summary(board, "Example status", PAGE, 25);

        assertThat(summary.status()).isEqualTo(new StatuspageShape.Indicator("major", "Partial System Outage"));
        assertThat(summary.components()).extracting(StatuspageShape.Component::id, StatuspageShape.Component::status,
                        StatuspageShape.Component::groupId)
                .containsExactly(tuple("website", "operational", null),
                        tuple("group:Shop", "partial_outage", null),
                        tuple("checkout-api", "partial_outage", "group:Shop"),
                        tuple("Login", "operational", null));
        assertThat(summary.components().get(1).group()).isTrue();
        assertThat(summary.components().get(1).components()).containsExactly("checkout-api");
        StatuspageShape.Incident incident = summary.incidents().get(0);
        assertThat(incident.incidentUpdates()).extracting(StatuspageShape.Update::body)
                .containsExactly("Rolling back <b>now</b>", "Payments fail");
        assertThat(incident.components()).extracting(StatuspageShape.Component::name).containsExactly("Checkout API");
        assertThat(incident.shortlink()).isEqualTo("https://status.example.com/#incident-inc-1");
        assertThat(incident.nextUpdateAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(FormatSchemas.statuspageErrors("summary", JSON.writeValueAsString(summary))).isEmpty();
    }

    @Test
    void maintenance_speaks_statuspage_in_the_summary_and_in_upcoming_and_active_and_validates() throws Exception {
        Instant now = T0.plusSeconds(400);
        PublicMaintenance underWay = new PublicMaintenance("m-1", "Database upgrade", "Checkout may pause",
                List.of("checkout-api"), T0, T0.plusSeconds(3600), MaintenanceStatus.IN_PROGRESS,
                T0.minusSeconds(86400), T0.plusSeconds(5), T0.plusSeconds(5), null, List.of(
                new MaintenanceNote(T0.minusSeconds(86400), MaintenanceStatus.SCHEDULED, null),
                new MaintenanceNote(T0.plusSeconds(5), MaintenanceStatus.IN_PROGRESS, "Starting now")));
        PublicMaintenance planned = new PublicMaintenance("m-2", "Search reindex", "Search results may lag",
                List.of("website"), T0.plusSeconds(86400), T0.plusSeconds(90000), MaintenanceStatus.SCHEDULED,
                T0, T0, null, null, List.of(new MaintenanceNote(T0, MaintenanceStatus.SCHEDULED, null)));
        StatusBoard quiet = StatusBoard.of(List.of(new ListedComponent("website", "Website", null),
                new ListedComponent("checkout-api", "Checkout API", "Shop")), Set.of(), List.of(),
                List.of(planned, underWay), now);

        StatuspageShape.Summary summary = StatuspageShape.summary(quiet, "Example status", PAGE, 25);
        StatuspageShape.Maintenances upcoming = StatuspageShape.maintenances(quiet, false, "Example status", PAGE);
        StatuspageShape.Maintenances active = StatuspageShape.maintenances(quiet, true, "Example status", PAGE);

        assertThat(summary.status()).isEqualTo(new StatuspageShape.Indicator("maintenance",
                "Service Under Maintenance"));
        assertThat(summary.components()).extracting(StatuspageShape.Component::id, StatuspageShape.Component::status)
                .contains(tuple("checkout-api", "under_maintenance"), tuple("group:Shop", "under_maintenance"),
                        tuple("website", "operational"));
        assertThat(summary.scheduledMaintenances()).extracting(StatuspageShape.Maintenance::id)
                .containsExactly("m-1", "m-2");
        assertThat(upcoming.scheduledMaintenances()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("scheduled");
            assertThat(m.scheduledFor()).isEqualTo(T0.plusSeconds(86400));
            assertThat(m.scheduledUntil()).isEqualTo(T0.plusSeconds(90000));
            assertThat(m.impact()).isEqualTo("maintenance");
            assertThat(m.components()).extracting(StatuspageShape.Component::id).containsExactly("website");
        });
        assertThat(active.scheduledMaintenances()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("in_progress");
            assertThat(m.shortlink()).isEqualTo("https://status.example.com/#maintenance-m-1");
            assertThat(m.incidentUpdates()).extracting(StatuspageShape.Update::status, StatuspageShape.Update::body)
                    .containsExactly(tuple("in_progress", "Starting now"), tuple("scheduled", "Checkout may pause"));
        });
        assertThat(FormatSchemas.statuspageErrors("summary", JSON.writeValueAsString(summary))).isEmpty();
        assertThat(FormatSchemas.statuspageErrors("scheduledMaintenances", JSON.writeValueAsString(upcoming)))
                .isEmpty();
        assertThat(FormatSchemas.statuspageErrors("scheduledMaintenances", JSON.writeValueAsString(active)))
                .isEmpty();

        String feed = AtomFeed.of(quiet, "Example status", PAGE, PAGE.resolve("history.atom"));
        assertThat(FormatSchemas.atomErrors(feed)).isEmpty();
        assertThat(feed).contains("Database upgrade: Maintenance in progress").contains("Starting now")
                .contains("Search reindex: Maintenance scheduled");
    }

    @Test
    void an_incident_updated_for_days_lists_only_its_newest_updates() throws Exception {
        List<PublicUpdate> hundreds = java.util.stream.LongStream.rangeClosed(1, 300).mapToObj(n -> new PublicUpdate(
                n, T0.plusSeconds(60 * n), Status.IDENTIFIED, "Update " + n)).toList();
        PublicIncident longRunning = new PublicIncident("inc-3", "Slow search", Severity.SEV3, Status.IDENTIFIED,
                List.of("Search"), T0, T0.plusSeconds(18_000), null, T0.plusSeconds(19_000), null, null, null,
                hundreds, List.of(), List.of());
        StatusBoard days = StatusBoard.of(List.of(), Set.of(), List.of(longRunning), List.of(), T0.plusSeconds(18_100));

        StatuspageShape.Summary summary = StatuspageShape.summary(days, "Example status", PAGE, 25);

        assertThat(summary.incidents().get(0).incidentUpdates()).hasSize(25).first()
                .extracting(StatuspageShape.Update::body).isEqualTo("Update 300");
        assertThat(FormatSchemas.statuspageErrors("summary", JSON.writeValueAsString(summary))).isEmpty();
    }

    @Test
    void a_resolved_incident_with_its_report_reads_as_postmortem() throws Exception {
        StatuspageShape.Incidents incidents = StatuspageShape.incidents(board, "Example status", PAGE, 25);

        StatuspageShape.Incident login = incidents.incidents().stream().filter(i -> i.id().equals("inc-2"))
                .findFirst().orElseThrow();
        assertThat(login.status()).isEqualTo("postmortem");
        assertThat(login.impact()).isEqualTo("critical");
        assertThat(login.postmortemBody()).isEqualTo("Root cause: certificate");
        assertThat(login.nextUpdateAt()).isNull();
        assertThat(login.correctiveActions()).extracting(StatuspageShape.CorrectiveAction::id,
                StatuspageShape.CorrectiveAction::status, StatuspageShape.CorrectiveAction::doneAt).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CA-1", "done", T0.plusSeconds(3600)),
                        org.assertj.core.groups.Tuple.tuple("CA-2", "planned", null));
        assertThat(JSON.writeValueAsString(login)).contains("\"corrective_actions\":[{\"id\":\"CA-1\"")
                .contains("\"due_at\":").doesNotContain("owner");
        assertThat(FormatSchemas.statuspageErrors("incidents", JSON.writeValueAsString(incidents))).isEmpty();
    }

    @Test
    void the_feed_has_an_entry_per_public_update_and_report_and_escapes_what_people_wrote() throws Exception {
        String feed = AtomFeed.of(board, "Example status", PAGE, URI.create("https://status.example.com/history.atom"));

        assertThat(FormatSchemas.atomErrors(feed)).isEmpty();
        assertThat(feed.split("<entry>", -1)).hasSize(1 + 5);
        assertThat(feed).contains("Checkout &lt;down&gt; &amp; \"out\": Identified")
                .contains("Rolling back &lt;b&gt;now&lt;/b&gt;")
                .contains("Login outage: Cause and corrective actions")
                .doesNotContain("<b>");
        assertThat(feed.indexOf("Login outage: Cause")).as("newest first")
                .isLessThan(feed.indexOf("Rolling back"));
    }

    @Test
    void characters_xml_forbids_in_text_stored_before_they_were_refused_never_reach_the_feed() throws Exception {
        PublicIncident stored = new PublicIncident("inc-3", "Search \uffff slow\u0001", Severity.SEV3,
                Status.INVESTIGATING, List.of(), T0, T0, null, T0.plusSeconds(3600), null, null, null,
                List.of(new PublicUpdate(1, T0, Status.INVESTIGATING, "Lone \ud800 surrogate \ufffe")), List.of(), List.of());

        String feed = AtomFeed.of(StatusBoard.of(List.of(), Set.of(), List.of(stored), List.of(), T0.plusSeconds(60)), "Example status",
                PAGE, URI.create("https://status.example.com/history.atom"));

        assertThat(FormatSchemas.atomErrors(feed)).isEmpty();
        assertThat(feed).contains("Search \ufffd slow\ufffd").contains("Lone \ufffd surrogate \ufffd");
    }
}
