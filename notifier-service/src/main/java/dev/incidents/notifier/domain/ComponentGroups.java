package dev.incidents.notifier.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The group the component catalog lists a component under, as it says now; empty: none, or not in the catalog. */
@FunctionalInterface
public interface ComponentGroups {

    /** No component is grouped. */
    ComponentGroups NONE = componentId -> Optional.empty();

    Optional<String> groupOf(String componentId);

    /** Asks {@code source} once per component, for lookups that repeat while one message is planned. */
    static ComponentGroups askingOnce(ComponentGroups source) {
        Map<String, Optional<String>> answers = new HashMap<>();
        return componentId -> answers.computeIfAbsent(componentId, source::groupOf);
    }
}
