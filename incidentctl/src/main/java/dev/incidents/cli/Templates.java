package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** A template filled in by the command service for the command about to be sent. */
final class Templates {

    private Templates() {
    }

    /** @param values the placeholders' values this command knows, with those given by --value over them */
    static JsonNode fill(Api api, TemplateChoice template, Map<String, String> known) {
        String templateId = template.id;
        String language = template.language;
        Map<String, String> values = template.valuesOver(known);
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
            String missing = String.join(", ", filled.path("unfilled").valueStream().map(JsonNode::asText).toList());
            throw new IllegalArgumentException("Template " + templateId + " leaves " + missing + " unfilled: give "
                    + "it with --value " + filled.path("unfilled").get(0).asText() + "=..., or write the text "
                    + "yourself.");
        }
        return filled;
    }

    static String text(JsonNode filled, String field, String given) {
        return given != null ? given : filled == null || filled.path(field).isNull() ? null
                : filled.path(field).asText(null);
    }
}
