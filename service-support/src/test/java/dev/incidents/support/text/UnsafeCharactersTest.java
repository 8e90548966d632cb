package dev.incidents.support.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which characters no text may hold, and how a refusal names them. */
class UnsafeCharactersTest {

    @Test
    void ordinary_text_in_any_script_with_line_breaks_tabs_and_emoji_is_safe() {
        assertThat(UnsafeCharacters.firstIn("Checkout down\n\tZahlungen schlagen fehl 決済エラー عطل 🔥")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00b", "b\ud800",
            "a\ufffeb", "a\uffffb", "a\ufdd0b", "a\ud83f\udffeb", "a\u202eb", "a\u202ab", "a\u2066b", "a\u2069b"})
    void control_characters_unpaired_surrogates_noncharacters_and_bidirectional_controls_are_unsafe(String text) {
        assertThat(UnsafeCharacters.firstIn(text)).isPresent();
    }

    @Test
    void a_refusal_names_the_character() {
        assertThat(UnsafeCharacters.firstIn("a\ud800b")).contains("an unpaired surrogate (U+D800)");
        assertThat(UnsafeCharacters.firstIn("a\uffffb")).contains("a Unicode noncharacter (U+FFFF)");
        assertThat(UnsafeCharacters.firstIn("a\u202eb")).contains("a bidirectional control (U+202E)");
    }
}
