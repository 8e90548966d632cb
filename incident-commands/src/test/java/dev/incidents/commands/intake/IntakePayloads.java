package dev.incidents.commands.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.commands.domain.Severity;
import dev.incidents.support.http.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The formats' documented example payloads (src/test/resources/intake, sources in SOURCES.md), read as the service reads them. */
final class IntakePayloads {

    static final ObjectMapper JSON = StrictJson.apply(new ObjectMapper().findAndRegisterModules());
    static final IntakeRules RULES = new IntakeRules(Map.of("critical", Severity.SEV1, "error", Severity.SEV2,
            "high", Severity.SEV2, "warning", Severity.SEV3, "info", Severity.SEV4), Severity.SEV3,
            List.of("service", "component"), 50, Instant.parse("2000-01-01T00:00:00Z"));

    private IntakePayloads() {
    }

    static ObjectNode json(String file) {
        try (InputStream in = IntakePayloads.class.getResourceAsStream("/intake/" + file)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AlertGroupNotification notification(JsonNode json) {
        try {
            return JSON.treeToValue(json, AlertGroupNotification.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
