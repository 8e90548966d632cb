package dev.incidents.support.catalog;

/**
 * One component of the catalog as the services that only read it need it: how to name, group and order it, whether
 * the public sees it, and whether it is retired.
 */
public record CatalogEntry(String id, String name, String description, String group, int order,
                           boolean visibleToPublic, boolean retired) {

    /** Shown on the status page and offered to public subscribers. */
    public boolean listedPublicly() {
        return visibleToPublic && !retired;
    }
}
