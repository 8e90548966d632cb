package dev.incidents.support.background;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the service's background work is supervised: restart backoff of its loops, patience with Kafka Streams. */
@ConfigMapping(prefix = "incidents.background")
public interface BackgroundConfig {

    /** The wait before a failed loop starts again; doubled per failure in a row. */
    @WithDefault("1s")
    Duration firstRestartDelay();

    /** The longest wait between restarts; a loop that ran longer than this before failing starts from the first. */
    @WithDefault("1m")
    Duration longestRestartDelay();

    /** The restart backoff these settings describe, for the loops and for Kafka Streams' threads alike. */
    default Supervisor.Backoff backoff() {
        return new Supervisor.Backoff(firstRestartDelay(), longestRestartDelay());
    }

    /** How long Kafka Streams may rebalance (or restore) before readiness says DOWN. */
    @WithDefault("2m")
    Duration streamsRebalanceGrace();
}
