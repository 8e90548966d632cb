package dev.incidents.projection.domain;

/**
 * A component the status page lists, as the catalog names it: in order, under its group (null: none).
 */
public record ListedComponent(String id, String name, String group) {

    /** A component the catalog does not have (named before the catalog, or by a trusted producer): its id names it. */
    public static ListedComponent uncatalogued(String id) {
        return new ListedComponent(id, id, null);
    }
}
