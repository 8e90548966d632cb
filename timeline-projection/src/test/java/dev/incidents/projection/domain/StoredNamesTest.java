package dev.incidents.projection.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and codes kept in stores and answered by the API: a rename or reordering must not change any of them. */
class StoredNamesTest {

    @Test
    void timeline_kinds_keep_the_names_already_stored() {
        assertThat(Arrays.stream(TimelineKind.values()).map(TimelineKind::storedName)).containsExactly("Declared",
                "UpdatePosted", "SeverityChanged", "Resolved", "Reopened", "RcaPublished", "CustomerReportLinked",
                "CorrectiveActionCompleted", "CorrectiveActionDeclined", "CorrectiveActionRescheduled");
    }

    @Test
    void timer_kinds_keep_the_codes_already_in_timer_keys() {
        assertThat(Arrays.stream(Timer.Kind.values()).map(Timer.Kind::storedCode))
                .containsExactly((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5, (byte) 6, (byte) 7, (byte) 8);
        for (Timer.Kind kind : Timer.Kind.values()) {
            assertThat(Timer.Kind.ofStoredCode(kind.storedCode())).isEqualTo(kind);
        }
    }
}
