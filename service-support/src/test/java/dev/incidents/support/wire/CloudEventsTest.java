package dev.incidents.support.wire;

import dev.incidents.schemas.IncidentTopic;
import dev.incidents.schemas.ReleasedSchemas;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The CloudEvents attributes as headers: names, types, times and schema addresses as readers expect them. */
class CloudEventsTest {

    private final CloudEvents cloudEvents = new CloudEvents(URI.create("urn:incidents:test"),
            "http://127.0.0.1:8081/apis/ccompat/v7/");

    @Test
    void types_are_reverse_dns_kebab_case_and_versioned() {
        assertThat(CloudEvents.type("incident", "Declared")).isEqualTo("dev.incidents.incident.declared.v1");
        assertThat(CloudEvents.type("incident", "CustomerReportLinked"))
                .isEqualTo("dev.incidents.incident.customer-report-linked.v1");
        assertThat(CloudEvents.type("detection", "UPDATE_STILL_OVERDUE"))
                .isEqualTo("dev.incidents.detection.update-still-overdue.v1");
    }

    @Test
    void the_registrys_native_url_becomes_its_confluent_compatible_one() {
        assertThat(CloudEvents.compatApiOf("http://127.0.0.1:8081/apis/registry/v2"))
                .isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(CloudEvents.compatApiOf("https://registry:8443/apis/registry/v3/"))
                .isEqualTo("https://registry:8443/apis/ccompat/v7");
    }

    @Test
    void the_attributes_are_added_to_a_copy_with_the_time_in_the_records_milliseconds() {
        Headers trace = new RecordHeaders().add("traceparent", "00-a-b-01".getBytes(StandardCharsets.UTF_8));

        Headers headers = cloudEvents.headers(trace, IncidentTopic.INCIDENT_EVENTS, "evt-1",
                "dev.incidents.incident.declared.v1", "inc-1", Instant.parse("2026-12-03T17:30:32.571056830Z"));

        assertThat(text(headers, "ce_time")).isEqualTo("2026-12-03T17:30:32.571Z");
        assertThat(text(headers, "ce_dataschema")).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7/subjects/"
                + "incident-events-value/versions/" + ReleasedSchemas.versionOf(IncidentTopic.INCIDENT_EVENTS));
        assertThat(text(headers, "traceparent")).isEqualTo("00-a-b-01");
        assertThat(trace.lastHeader("ce_id")).as("the record's own headers").isNull();
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
