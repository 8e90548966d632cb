package dev.incidents.projection.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the projection under {@code incidents.*}; defaults are documented in the README. */
@ConfigMapping(prefix = "incidents")
public interface ProjectionConfig {

    /**
     * The host other instances reach this one at, for forwarded queries (its port is {@code quarkus.http.port}).
     * Default: {@code quarkus.http.host}, which will not do when that is a wildcard such as 0.0.0.0.
     */
    Optional<String> advertisedHost();

    Detection detection();

    Maintenance maintenance();

    StatusPage statusPage();

    Dashboard dashboard();

    Live live();

    /** How maintenance windows are timed. */
    interface Maintenance {
        /** How long before a window's start its reminder goes out (not for a start planned closer than this). */
        @WithDefault("60m")
        Duration startingSoonLead();

        /** How often a window past its end and not completed is reported again. */
        @WithDefault("15m")
        Duration overrunRepeat();
    }

    interface Detection {
        /** How long before a deadline "due soon" warns; never more than a third of the incident's cadence. */
        @WithDefault("5m")
        Duration dueSoonLead();

        /** How often a broken promise is escalated again while it stays broken; default a third of the cadence. */
        Optional<Duration> stillOverdueInterval();

        /** How long before a corrective action's due date "due soon" warns its owner and the commander. */
        @WithDefault("P1D")
        Duration correctiveActionDueSoonLead();

        /** How often an overdue corrective action is reported again (climbing the escalation ladder) while open. */
        @WithDefault("P1D")
        Duration correctiveActionOverdueRepeat();

        /** How often the wall-clock scan for due deadlines runs (it also runs on every clock tick). */
        @WithDefault("1s")
        Duration scanInterval();

        /** How often this instance stamps each incident-clock-ticks partition with the wall clock. */
        @WithDefault("0.5s")
        Duration tickInterval();

        /**
         * How long a deadline waits, once passed, for events decided before it that are still being committed (the
         * decider commits every 50 ms); an update that lands inside it keeps its promise without a false alarm.
         */
        @WithDefault("0.25s")
        Duration settleTime();
    }

    /** The public status page, its JSON summary and its Atom feed. */
    interface StatusPage {
        /** The name customers see in the page title, the feed and the summary's page object. */
        @WithDefault("Service status")
        String name();

        /** The page's public address; default: /status/ on the address the request came to. */
        Optional<URI> url();

        /**
         * Components listed after the catalog's public ones, in this order, when the catalog does not have them
         * (others appear once an incident names them); default none.
         */
        Optional<List<String>> components();

        /**
         * The newest public updates summary.json and incidents.json list per incident (the status page, which reads
         * summary.json, shows the same), so an incident updated for days keeps the answer small.
         */
        @WithDefault("25")
        int updatesPerIncident();

        /** How long a public answer is reused (here and, through Cache-Control, by browsers and proxies). */
        @WithDefault("5s")
        Duration cacheFor();

        /** Where the page's readers subscribe: the notifier's POST /public/subscriptions, as browsers reach it. */
        URI subscriptionsUrl();
    }

    /** The live stream, GET /incidents/stream. */
    interface Live {
        /** Streams open at once on one instance; one more is refused with 503 until one closes. */
        @WithDefault("500")
        int maxConnections();

        /**
         * Changes held for one stream whose client reads more slowly than they come; one more ends that stream, and
         * the client, reconnecting, reads the board anew.
         */
        @WithDefault("1000")
        int bufferPerConnection();
    }

    /** Where the ops dashboard signs people in (authorization code with PKCE, in the browser). */
    interface Dashboard {
        /** The OpenID Connect issuer; default the one whose tokens this service trusts. */
        URI issuer();

        /** The provider's public client for the dashboard. */
        @WithDefault("incidents-dashboard")
        String clientId();

        /** The incident-commands service the dashboard's forms send commands to. */
        URI commandsUrl();
    }

}
