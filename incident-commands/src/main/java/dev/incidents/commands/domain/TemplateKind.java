package dev.incidents.commands.domain;

import java.util.List;

/**
 * The command a template starts, and the placeholders its texts may hold: only what is known when that command is
 * written (a declaration has no incident id yet, only a resolution has an RCA due date).
 */
public enum TemplateKind {
    DECLARE(List.of("component", "severity", "commander")),
    UPDATE(List.of("component", "severity", "commander", "title", "incidentId", "nextUpdateAt")),
    RESOLVE(List.of("component", "severity", "commander", "title", "incidentId", "rcaDueAt", "rcaOwner"));

    private final List<String> placeholders;

    TemplateKind(List<String> placeholders) {
        this.placeholders = placeholders;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    /** Only a declaration has a title of its own; updates and resolutions have a message only. */
    public boolean hasTitle() {
        return this == DECLARE;
    }

    /** Only an update proposes a status and an audience. */
    public boolean proposesStatus() {
        return this == UPDATE;
    }
}
