package dev.incidents.commands.domain;

/** A vendor's share in the cause; it never replaces our own corrective actions. */
public record ThirdPartyCause(String vendor, String description) {
}
