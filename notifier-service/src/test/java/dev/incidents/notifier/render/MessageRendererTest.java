package dev.incidents.notifier.render;

import dev.incidents.notifier.domain.Audience;
import dev.incidents.notifier.domain.IncidentBrief;
import dev.incidents.notifier.domain.MaintenanceBrief;
import dev.incidents.notifier.domain.MessageKind;
import dev.incidents.notifier.domain.Notice;
import dev.incidents.notifier.domain.NoticeDetail;
import dev.incidents.notifier.domain.NoticeSubject;
import dev.incidents.notifier.domain.Severity;
import dev.incidents.notifier.it.NotifierTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message in every language, with times in the reader's zone written the reader's way. */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class MessageRendererTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant NEXT = Instant.parse("2026-11-23T10:15:00Z");
    static final IncidentBrief CHECKOUT = new IncidentBrief("inc-1", "Checkout down", Severity.SEV1, "IDENTIFIED",
            Set.of("checkout"), "alice", true, NEXT, null, 0, null);

    static final MaintenanceBrief LOGIN_UPGRADE = new MaintenanceBrief("mnt-1", "Login database upgrade",
            Set.of("login"), NEXT, NEXT.plus(Duration.ofHours(2)), Audience.PUBLIC, MaintenanceBrief.Status.SCHEDULED,
            "bob", 0, null);

    @Inject
    MessageRenderer renderer;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en    | America/New_York | Maintenance starts soon: Login database upgrade | The maintenance starts at Nov 23, 2026, 5:15 AM (America/New_York).",
        "de    | Europe/Berlin    | Wartung beginnt bald: Login database upgrade    | Die Wartung beginnt um 23.11.2026, 11:15 (Europe/Berlin).",
        "fr    | Europe/Paris     | La maintenance commence bientôt : Login database upgrade | La maintenance commence le 23 nov. 2026 11:15 (Europe/Paris).",
        "ja    | Asia/Tokyo       | まもなくメンテナンス開始: Login database upgrade | メンテナンスは 2026/11/23 19:15 (Asia/Tokyo) に開始します。",
        "zh-TW | Asia/Taipei      | 維護即將開始：Login database upgrade            | 維護將於 2026年11月23日 下午6:15 (Asia/Taipei) 開始。",
        "tr    | Europe/Istanbul  | Bakım yakında başlıyor: Login database upgrade  | Bakım 23 Kas 2026 13:15 (Europe/Istanbul) itibarıyla başlıyor."
    })
    void a_maintenance_reminder_says_when_the_window_starts_and_ends_in_the_readers_language_and_zone(
            String locale, String zone, String subject, String startsAt) {
        Notice notice = new Notice("det-1", MessageKind.MAINTENANCE_STARTING_SOON, LOGIN_UPGRADE, NOW,
                new NoticeDetail.DeadlineAlert(NEXT, Duration.ZERO, 0));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.forLanguageTag(locale), ZoneId.of(zone));

        assertThat(rendered.subject()).isEqualTo(subject);
        assertThat(rendered.text()).contains(startsAt).contains("(" + zone + ")").hasLineCount(1);
        assertThat(rendered.html()).contains("<html lang=\"" + locale + "\">").contains(startsAt);
    }

    @Test
    void an_escalated_overrun_says_how_long_over_and_which_step_of_the_ladder() {
        Notice notice = new Notice("det-3", MessageKind.MAINTENANCE_OVERRUN, LOGIN_UPGRADE, NOW,
                new NoticeDetail.DeadlineAlert(NEXT.plus(Duration.ofHours(2)), Duration.ofMinutes(30), 2));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));

        assertThat(rendered.subject()).isEqualTo(
                "Escalation 2: maintenance still overrunning: Login database upgrade");
        assertThat(rendered.text()).contains("The maintenance was to end at Nov 23, 2026, 12:15 PM (UTC) and is not "
                + "completed. 30 min over. This is escalation 2.");
    }

    @Test
    void a_start_missed_just_now_is_not_counted_as_zero_minutes_late() {
        Notice notice = new Notice("det-2", MessageKind.MAINTENANCE_DUE_TO_START, LOGIN_UPGRADE, NOW,
                new NoticeDetail.DeadlineAlert(NEXT, Duration.ofSeconds(20), 0));

        NoticeRenderer.Rendered german = renderer.render(notice, Locale.GERMAN, ZoneId.of("Europe/Berlin"));

        assertThat(german.subject()).isEqualTo("Wartung nicht begonnen: Login database upgrade");
        assertThat(german.text()).startsWith("Die Wartung sollte um 23.11.2026, 11:15 (Europe/Berlin) beginnen und "
                + "wurde nicht begonnen.\n").doesNotContain("Min.");
    }

    @Test
    void a_scheduled_window_says_when_it_runs_and_what_customers_will_notice() {
        Notice notice = new Notice("evt-1", MessageKind.MAINTENANCE_SCHEDULED, LOGIN_UPGRADE, NOW,
                new NoticeDetail.MaintenanceStep("Sign-in may fail for a minute"));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));

        assertThat(rendered.subject()).isEqualTo("Scheduled maintenance: Login database upgrade");
        assertThat(rendered.text()).contains("Planned from Nov 23, 2026, 10:15 AM (UTC) to Nov 23, 2026, 12:15 PM "
                + "(UTC).").contains("Sign-in may fail for a minute");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en    | America/New_York | [SEV1] Update: Checkout down        | Status: Identified       | Next update by Nov 23, 2026, 5:15 AM (America/New_York).",
        "de    | Europe/Berlin    | [SEV1] Update: Checkout down        | Status: Ursache gefunden | Nächstes Update bis 23.11.2026, 11:15 (Europe/Berlin).",
        "fr    | Europe/Paris     | [SEV1] Point d'étape : Checkout down | Statut : Cause identifiée | Prochain point d'étape avant le 23 nov. 2026 11:15 (Europe/Paris).",
        "ja    | Asia/Tokyo       | [SEV1] 最新情報: Checkout down       | 状況：原因特定           | 次回の更新は 2026/11/23 19:15 (Asia/Tokyo) までにお知らせします。",
        "zh-TW | Asia/Taipei      | [SEV1] 最新消息：Checkout down       | 狀態：已找到原因         | 下次更新將於 2026年11月23日 下午6:15 (Asia/Taipei) 前發布。",
        "tr    | Europe/Istanbul  | [SEV1] Güncelleme: Checkout down    | Durum: Neden bulundu     | Bir sonraki güncelleme en geç 23 Kas 2026 13:15 (Europe/Istanbul)."
    })
    void a_public_update_says_when_the_next_one_comes_in_the_readers_language_and_zone(
            String locale, String zone, String subject, String status, String nextUpdate) {
        Notice notice = new Notice("evt-2", MessageKind.PUBLIC_UPDATE, CHECKOUT, NOW,
                new NoticeDetail.Updated("IDENTIFIED", "A bad deploy; rolling back", NEXT));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.forLanguageTag(locale), ZoneId.of(zone));

        assertThat(rendered.subject()).isEqualTo(subject);
        assertThat(rendered.text()).contains(status).contains("A bad deploy; rolling back").contains(nextUpdate);
        assertThat(rendered.html()).contains("<html lang=\"" + locale + "\">")
                .contains(nextUpdate.replace("'", "&#39;"));
    }

    @Test
    void every_kind_of_message_is_written_in_every_language_not_left_in_english() throws Exception {
        Set<String> keys = java.util.Arrays.stream(NoticeMessages.class.getDeclaredMethods())
                .map(java.lang.reflect.Method::getName).collect(java.util.stream.Collectors.toSet());
        for (String locale : List.of("de", "fr", "ja", "zh-TW", "tr")) {
            java.util.Properties translated = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(getClass().getClassLoader().getResourceAsStream(
                    "messages/msg_" + locale + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
                translated.load(in);
            }
            assertThat(translated.stringPropertyNames()).as(locale).isEqualTo(keys);
            for (MessageKind kind : MessageKind.values()) {
                Notice notice = new Notice("src", kind, subjectFor(kind), NOW, detailFor(kind));
                NoticeRenderer.Rendered english = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));
                NoticeRenderer.Rendered local = renderer.render(notice, Locale.forLanguageTag(locale),
                        ZoneId.of("UTC"));
                assertThat(local.subject()).as(locale + " " + kind).isNotBlank();
                assertThat(local.subject() + local.text() + local.html()).as(locale + " " + kind)
                        .doesNotContain("null");
                assertThat(local.subject() + local.text()).as(locale + " " + kind)
                        .isNotEqualTo(english.subject() + english.text());
            }
        }
    }

    private static NoticeSubject subjectFor(MessageKind kind) {
        return kind.name().startsWith("MAINTENANCE_") ? LOGIN_UPGRADE : CHECKOUT;
    }

    private static NoticeDetail detailFor(MessageKind kind) {
        return switch (kind) {
            case MAINTENANCE_SCHEDULED, MAINTENANCE_UPDATED, MAINTENANCE_STARTED, MAINTENANCE_COMPLETED,
                 MAINTENANCE_CANCELLED -> new NoticeDetail.MaintenanceStep("Sign-in may fail briefly");
            case DECLARED -> new NoticeDetail.Declared("Customers cannot pay", NEXT);
            case PUBLIC_UPDATE, INTERNAL_UPDATE -> new NoticeDetail.Updated("IDENTIFIED", "Found it", NEXT);
            case SEVERITY_CHANGED -> new NoticeDetail.SeverityChanged(Severity.SEV2, Severity.SEV1, "Worse", NEXT);
            case RESOLVED -> new NoticeDetail.Resolved("Fixed", NEXT);
            case REOPENED -> new NoticeDetail.Reopened("Back", NEXT);
            case RCA_PUBLISHED -> new NoticeDetail.RcaPublished("Cause", List.of(), null);
            case CORRECTIVE_ACTION_DUE_SOON, CORRECTIVE_ACTION_OVERDUE -> new NoticeDetail.ActionAlert("CA-1",
                    "Canary deploys", "platform", NEXT, Duration.ofDays(2), 1);
            default -> new NoticeDetail.DeadlineAlert(NEXT, Duration.ofMinutes(5), 1);
        };
    }

    @Test
    void a_resolution_says_so_and_when_the_rca_is_due() {
        Notice notice = new Notice("evt-3", MessageKind.RESOLVED, CHECKOUT.resolved(NOW.plus(Duration.ofDays(5))),
                NOW, new NoticeDetail.Resolved("Rolled back; payments work again.", NOW.plus(Duration.ofDays(5))));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));

        assertThat(rendered.subject()).isEqualTo("[SEV1] Resolved: Checkout down");
        assertThat(rendered.text()).contains("The incident is resolved.")
                .contains("We will publish the cause and our corrective actions by Nov 28, 2026, 10:00 AM (UTC).");
    }

    @Test
    void an_rca_names_the_root_cause_and_our_own_corrective_actions_even_when_a_vendor_was_involved() {
        Notice notice = new Notice("evt-4", MessageKind.RCA_PUBLISHED, CHECKOUT, NOW, new NoticeDetail.RcaPublished(
                "The payment provider's API failed", List.of(new NoticeDetail.CorrectiveAction(
                        "Fail over to a second provider", "payments-team", null)), "PayCo"));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.GERMAN, ZoneId.of("Europe/Berlin"));

        assertThat(rendered.subject()).isEqualTo("Ursache und Korrekturmaßnahmen: Checkout down");
        assertThat(rendered.text()).contains("Ursache\nThe payment provider's API failed")
                .contains("- Fail over to a second provider (verantwortlich: payments-team)")
                .contains("Ein Zulieferer war beteiligt (PayCo); diese Änderungen sind unsere eigenen.");
    }

    @Test
    void a_promise_missed_just_now_is_not_counted_as_zero_minutes_late() {
        Notice notice = new Notice("det-1", MessageKind.UPDATE_OVERDUE, CHECKOUT, NEXT,
                new NoticeDetail.DeadlineAlert(NEXT, Duration.ofSeconds(2), 0));

        NoticeRenderer.Rendered english = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));
        NoticeRenderer.Rendered french = renderer.render(notice, Locale.FRENCH, ZoneId.of("Europe/Paris"));

        assertThat(english.text()).contains("The public update promised for Nov 23, 2026, 10:15 AM (UTC) has not "
                + "been posted.\n").doesNotContain("min late");
        assertThat(french.html()).doesNotContain("de retard");
    }

    @Test
    void a_promise_missed_a_while_ago_says_how_late() {
        Notice notice = new Notice("det-1", MessageKind.UPDATE_OVERDUE, CHECKOUT, NEXT.plus(Duration.ofMinutes(4)),
                new NoticeDetail.DeadlineAlert(NEXT, Duration.ofMinutes(4).plusSeconds(30), 0));

        NoticeRenderer.Rendered german = renderer.render(notice, Locale.GERMAN, ZoneId.of("Europe/Berlin"));

        assertThat(german.text()).contains("Das für 23.11.2026, 11:15 (Europe/Berlin) versprochene öffentliche "
                + "Update fehlt. 4 Min. zu spät.");
        assertThat(german.html()).contains("fehlt. 4 Min. zu spät.</strong>");
    }

    @Test
    void an_escalation_says_how_late_and_which_step_of_the_ladder() {
        Notice notice = new Notice("det-1", MessageKind.UPDATE_STILL_OVERDUE, CHECKOUT.escalatedTo(2), NOW,
                new NoticeDetail.DeadlineAlert(NEXT, Duration.ofMinutes(10), 2));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.JAPANESE, ZoneId.of("Asia/Tokyo"));

        assertThat(rendered.subject()).isEqualTo("エスカレーション 2: 更新期限超過が継続: Checkout down");
        assertThat(rendered.text()).contains("2026/11/23 19:15 (Asia/Tokyo) に約束した公開の更新がまだありません。10 分遅れています。");
    }

    @Test
    void an_overdue_corrective_action_names_the_action_its_owner_how_late_and_the_escalation_step() {
        Notice notice = new Notice("det-2", MessageKind.CORRECTIVE_ACTION_OVERDUE, CHECKOUT, NOW,
                new NoticeDetail.ActionAlert("CA-2", "Fail over to a second provider", "payments-team", NEXT,
                        Duration.ofDays(3).plusHours(2), 3));

        NoticeRenderer.Rendered english = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));
        NoticeRenderer.Rendered french = renderer.render(notice, Locale.FRENCH, ZoneId.of("Europe/Paris"));

        assertThat(english.subject()).isEqualTo("Corrective action CA-2 overdue: Checkout down");
        assertThat(english.text()).contains("Corrective action CA-2 was due by Nov 23, 2026, 10:15 AM (UTC) and is "
                + "still open. 3 d late. This is escalation 3.")
                .contains("Fail over to a second provider (owner: payments-team)");
        assertThat(french.subject()).isEqualTo("Action corrective CA-2 en retard : Checkout down");
        assertThat(french.html()).contains("Ceci est l&#39;escalade 3.");
    }

    @Test
    void an_action_just_overdue_says_so_without_counting_zero_days() {
        Notice notice = new Notice("det-3", MessageKind.CORRECTIVE_ACTION_OVERDUE, CHECKOUT, NOW,
                new NoticeDetail.ActionAlert("CA-1", "Canary deploys", "platform", NEXT, Duration.ofMinutes(2), 0));

        NoticeRenderer.Rendered german = renderer.render(notice, Locale.GERMAN, ZoneId.of("Europe/Berlin"));

        assertThat(german.text()).contains("war bis 23.11.2026, 11:15 (Europe/Berlin) fällig und ist noch offen.")
                .doesNotContain("Tage").doesNotContain("Eskalation");
    }

    @Test
    void text_from_people_is_escaped_in_html_but_kept_as_written_in_plain_text() {
        Notice notice = new Notice("evt-5", MessageKind.PUBLIC_UPDATE, CHECKOUT, NOW,
                new NoticeDetail.Updated("IDENTIFIED", "<script>alert(1)</script> & more", NEXT));

        NoticeRenderer.Rendered rendered = renderer.render(notice, Locale.ENGLISH, ZoneId.of("UTC"));

        assertThat(rendered.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        assertThat(rendered.text()).contains("<script>alert(1)</script> & more");
    }
}
