package dev.incidents.commands.domain;

/** Who an update is for; only PUBLIC updates keep the next-update promise. */
public enum Audience {
    PUBLIC, INTERNAL
}
