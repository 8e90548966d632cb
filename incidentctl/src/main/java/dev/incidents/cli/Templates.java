package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** A template filled in by the command service for the command about to be sent. */
final class Templates {

    private Templates() {
    }

    /** @param values the placeholders' values this command knows (only those of the template's kind are sent) */
    static JsonNode fill(Api api, String templateId, String language, Map<String, String> values) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (language != null) {
            body.put("language", language);
        }
        ObjectNode given = body.putObject("values");
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value);
            }
        });
        JsonNode filled = api.fromCommands("POST", "/templates/" + Api.encode(templateId) + "/fill", body);
        if (!filled.path("unfilled").isEmpty()) {
            throw new IllegalArgumentException("Template " + templateId + " still needs " + filled.path("unfilled")
                    + "; give the text yourself instead.");
        }
        return filled;
    }

    static String text(JsonNode filled, String field, String given) {
        return given != null ? given : filled == null || filled.path(field).isNull() ? null
                : filled.path(field).asText(null);
    }
}
