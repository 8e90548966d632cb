package dev.incidents.support.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the services' JSON reading accepts: values as sent, nothing converted, nothing after the body. */
class StrictJsonTest {

    enum Level { LOW, HIGH }

    record Body(String text, Level level, Integer count, Boolean flag, Double ratio, List<String> items,
                List<Level> levels) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void a_body_as_the_api_describes_it_is_read() throws JsonProcessingException {
        Body body = json.readValue("""
                {"text":"a","level":"HIGH","count":3,"flag":true,"ratio":1.5,"items":["x"],"levels":["LOW"]}""",
                Body.class);

        assertThat(body).isEqualTo(new Body("a", Level.HIGH, 3, true, 1.5, List.of("x"), List.of(Level.LOW)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"level\":1}", "{\"level\":\"1\"}", "{\"levels\":[1]}", "{\"level\":1.0}", "{\"level\":true}",
            "{\"text\":1}", "{\"text\":1.5}", "{\"text\":true}",
            "{\"count\":1.5}", "{\"count\":\"3\"}", "{\"count\":\"\"}", "{\"count\":true}",
            "{\"flag\":1}", "{\"flag\":\"true\"}", "{\"ratio\":\"1.5\"}",
            "{\"items\":[null]}", "{\"levels\":[null]}",
            "{\"text\":\"a\"}}", "{\"text\":\"a\"} garbage", "{\"text\":\"a\"}{}"})
    void a_value_that_would_need_converting_or_anything_after_the_body_is_refused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void bytes_that_are_not_well_formed_utf8_are_refused_and_any_script_is_read() throws Exception {
        byte[] overlongSlash = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] strayByte = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};

        for (byte[] body : List.of(overlongSlash, strayByte)) {
            assertThatThrownBy(() -> json.readValue(new ByteArrayInputStream(body), Body.class))
                    .isInstanceOf(JsonParseException.class).hasMessageContaining("UTF-8");
            assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(JsonParseException.class);
        }
        byte[] japanese = "{\"text\":\"決済エラー\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(json.readValue(new ByteArrayInputStream(japanese), Body.class).text()).isEqualTo("決済エラー");
    }

    @Test
    void nesting_deeper_than_any_request_needs_is_refused_before_it_costs_much() {
        int depth = StrictJson.MAX_NESTING_DEPTH;
        String deep = "{\"items\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
    }
}
