package dev.incidents.notifier.domain;

import java.util.Optional;

/** The group the component catalog lists a component under, as it says now; empty: none, or not in the catalog. */
@FunctionalInterface
public interface ComponentGroups {

    /** No component is grouped. */
    ComponentGroups NONE = componentId -> Optional.empty();

    Optional<String> groupOf(String componentId);
}
