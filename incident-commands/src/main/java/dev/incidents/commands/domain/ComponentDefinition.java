package dev.incidents.commands.domain;

/**
 * What the catalog says about a component besides its id: how it is named, where the status page lists it and
 * whether the public sees it.
 *
 * @param group the one level of grouping the status page shows; null: none
 * @param order position within its group, lowest first (ties by name)
 */
public record ComponentDefinition(String name, String description, String group, int order,
                                  boolean visibleToPublic) {

    /** What a component gets when a declare names it first: its id as its name, ungrouped and not public. */
    public static ComponentDefinition namedOnDeclare(String id) {
        return new ComponentDefinition(id, null, null, 0, false);
    }
}
