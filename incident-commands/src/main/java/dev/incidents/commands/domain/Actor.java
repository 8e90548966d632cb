package dev.incidents.commands.domain;

import java.util.Objects;

/** Who issued a command: a person or an internal service such as a monitor. */
public record Actor(String id, Kind kind) {
    public enum Kind { PERSON, SERVICE }

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
