package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A named, localized starting text for a declaration, an update or a resolution. Under stress a responder picks
 * one and corrects it rather than writing from nothing; the command it becomes is checked like any other.
 *
 * @param version 1 when first defined, one more on each change
 */
public record Template(String id, TemplateDefinition definition, long version, Instant changedAt) {

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public static Template defined(String id, TemplateDefinition definition, Instant at) {
        return new Template(id, definition, 1, at);
    }

    public Template redefined(TemplateDefinition changed, Instant at) {
        return new Template(id, changed, version + 1, at);
    }
}
