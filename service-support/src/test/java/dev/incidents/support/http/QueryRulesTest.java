package dev.incidents.support.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No query parameter holds what no text may hold, however it is encoded. */
class QueryRulesTest {

    @Test
    void ordinary_queries_pass() {
        for (String query : List.of("status=open&severity=SEV1", "from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00:00Z",
                "component=Checkout+API", "q=%C3%A9t%C3%A9", "flag", "a=&b=", "after=eHx5")) {
            assertThat(QueryRules.check(query)).as(query).isEmpty();
        }
        assertThat(QueryRules.check(null)).isEmpty();
    }

    @Test
    void controls_noncharacters_bidi_invalid_utf8_bad_escapes_and_long_values_are_refused_naming_the_parameter() {
        for (String value : List.of("a%00b", "a%0Ab", "a%EF%BF%BFb", "a%E2%80%AEb", "a%E2%81%A6b", "a%C0%AFb",
                "a%ED%A0%80b", "a%C3%28b", "a%F0%9Fb", "a%FFb", "a%zzb", "a%4", "x".repeat(1_001))) {
            assertThat(QueryRules.check("component=" + value)).as(value).hasValueSatisfying(problem -> {
                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.field()).isEqualTo("component");
            });
        }
    }

    @Test
    void a_parameter_name_that_cannot_be_read_or_is_too_long_is_refused_and_not_echoed() {
        assertThat(QueryRules.check("a%00b=1")).hasValueSatisfying(problem -> assertThat(problem.field()).isNull());
        assertThat(QueryRules.check("x".repeat(101) + "=1")).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.field()).isNull();
        });
    }
}
