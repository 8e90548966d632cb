package dev.incidents.notifier.delivery;

import dev.incidents.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A link in mail works for its subscription and address only, and a confirmation link only for a while. */
class EmailLinksTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Pattern QUERY = Pattern.compile("expires=(\\d+)&token=([A-Za-z0-9_-]+)");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final EmailLinks links = new EmailLinks(KEY, URI.create("https://status.example.com/notify/"),
            Duration.ofHours(72), clock);

    @Test
    void a_confirmation_link_is_valid_for_its_address_until_it_expires() {
        EmailLinks.Confirmation confirmation = links.confirmation("sub-1", "ops@example.com");
        Matcher query = QUERY.matcher(confirmation.link().getQuery());
        assertThat(query.find()).isTrue();
        long expires = Long.parseLong(query.group(1));
        String token = query.group(2);

        assertThat(confirmation.link().toString()).startsWith("https://status.example.com/notify/mail/confirm/sub-1?");
        assertThat(confirmation.expiresAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(links.checkConfirmation("sub-1", "ops@example.com", expires, token))
                .isEqualTo(EmailLinks.Check.VALID);
        assertThat(links.checkConfirmation("sub-1", "other@example.com", expires, token))
                .isEqualTo(EmailLinks.Check.INVALID);
        assertThat(links.checkConfirmation("sub-2", "ops@example.com", expires, token))
                .isEqualTo(EmailLinks.Check.INVALID);
        assertThat(links.checkConfirmation("sub-1", "ops@example.com", expires + 3600, token))
                .as("a later expiry written into the link").isEqualTo(EmailLinks.Check.INVALID);

        clock.advance(Duration.ofHours(72).plusSeconds(1));
        assertThat(links.checkConfirmation("sub-1", "ops@example.com", expires, token))
                .isEqualTo(EmailLinks.Check.EXPIRED);
    }

    @Test
    void an_unsubscribe_link_works_for_its_address_only_and_is_not_a_confirmation() {
        URI unsubscribe = links.unsubscribe("sub-1", "ops@example.com");
        String token = unsubscribe.getQuery().substring("token=".length());

        assertThat(links.checkUnsubscribe("sub-1", "ops@example.com", token)).isTrue();
        assertThat(links.checkUnsubscribe("sub-1", "new@example.com", token)).isFalse();
        assertThat(links.checkUnsubscribe("sub-1", "ops@example.com", null)).isFalse();
        assertThat(links.checkConfirmation("sub-1", "ops@example.com", 0, token)).isEqualTo(EmailLinks.Check.INVALID);
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> new EmailLinks("c2hvcnQ=", URI.create("http://x"), Duration.ofHours(1), clock))
                .hasMessageContaining("at least 32");
    }
}
