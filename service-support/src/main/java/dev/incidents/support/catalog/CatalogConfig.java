package dev.incidents.support.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service that reads the component catalog waits for it. */
@ConfigMapping(prefix = "incidents.catalog")
public interface CatalogConfig {

    /** How long a request waits for the catalog while this instance loads it; then 503. */
    @WithDefault("10s")
    Duration loadWait();
}
