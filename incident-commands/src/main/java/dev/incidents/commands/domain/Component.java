package dev.incidents.commands.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of the product as the component catalog holds it. A retired component stays in the catalog, so that the
 * incidents that named it keep its name; it is only no longer offered to new declares.
 *
 * @param createdOnDeclare defined because a declare named it, not by an admin (its definition is a placeholder)
 * @param version          1 when first defined, one more on each change
 */
public record Component(String id, ComponentDefinition definition, boolean retired, boolean createdOnDeclare,
                        long version, Instant changedAt) {

    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A component defined for the first time. */
    public static Component defined(String id, ComponentDefinition definition, boolean onDeclare, Instant at) {
        return new Component(id, definition, false, onDeclare, 1, at);
    }

    /** This component with a new definition; a retired one is brought back. */
    public Component redefined(ComponentDefinition changed, Instant at) {
        return new Component(id, changed, false, false, version + 1, at);
    }

    public Component retiredAt(Instant at) {
        return new Component(id, definition, true, createdOnDeclare, version + 1, at);
    }
}
