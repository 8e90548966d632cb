package dev.incidents.notifier.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpAllowanceTest {

    static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void an_address_gets_its_sign_ups_per_window_then_waits_until_the_oldest_leaves_it() {
        SignUpAllowance allowance = new SignUpAllowance(2, Duration.ofHours(1), 100);

        assertThat(allowance.take("203.0.113.7", T0)).isEmpty();
        assertThat(allowance.take("203.0.113.7", T0.plusSeconds(600))).isEmpty();

        assertThat(allowance.take("203.0.113.7", T0.plusSeconds(900))).hasValue(Duration.ofMinutes(45));
        assertThat(allowance.take("198.51.100.1", T0.plusSeconds(900))).as("another address").isEmpty();
        assertThat(allowance.take("203.0.113.7", T0.plusSeconds(3600))).as("the oldest has left the window")
                .isEmpty();
        assertThat(allowance.take("203.0.113.7", T0.plusSeconds(3601))).hasValue(Duration.ofSeconds(599));
    }

    @Test
    void a_refused_sign_up_takes_nothing_so_waiting_is_enough() {
        SignUpAllowance allowance = new SignUpAllowance(1, Duration.ofMinutes(10), 100);
        allowance.take("203.0.113.7", T0);

        for (int i = 1; i <= 5; i++) {
            assertThat(allowance.take("203.0.113.7", T0.plusSeconds(i))).isPresent();
        }

        assertThat(allowance.take("203.0.113.7", T0.plusSeconds(601))).isEmpty();
    }

    @Test
    void beyond_the_addresses_kept_the_least_recently_seen_is_forgotten() {
        SignUpAllowance allowance = new SignUpAllowance(1, Duration.ofHours(1), 2);
        allowance.take("a", T0);
        allowance.take("b", T0);
        allowance.take("c", T0);

        assertThat(allowance.take("a", T0.plusSeconds(1))).as("forgotten, so allowed again").isEmpty();
        assertThat(allowance.take("c", T0.plusSeconds(1))).as("still remembered").isPresent();
    }
}
