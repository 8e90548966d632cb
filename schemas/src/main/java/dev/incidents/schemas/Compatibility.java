package dev.incidents.schemas;

/** Registry compatibility modes, named as the Confluent-compatible API names them. */
public enum Compatibility {
    /**
     * New readers read all older data: consumers upgrade first. Events: downstream consumers rely on it. Commands
     * too: a new kind of command needs the decider (their one consumer) to know it before anyone sends it.
     */
    BACKWARD_TRANSITIVE
}
