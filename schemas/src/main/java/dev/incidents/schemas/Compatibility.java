package dev.incidents.schemas;

/** Registry compatibility modes, named as the Confluent-compatible API names them. */
public enum Compatibility {
    /** New readers read all older data: consumers upgrade first. Events: downstream consumers rely on it. */
    BACKWARD_TRANSITIVE,
    /** Both ways, against every version: commands are produced and consumed by independently deployed services. */
    FULL_TRANSITIVE
}
