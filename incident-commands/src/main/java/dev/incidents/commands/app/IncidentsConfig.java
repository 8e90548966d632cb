package dev.incidents.commands.app;

import dev.incidents.commands.domain.ComponentAdmission;
import dev.incidents.commands.domain.Severity;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Settings of the command service under {@code incidents.*}; every default is documented in the README. */
@ConfigMapping(prefix = "incidents")
public interface IncidentsConfig {

    /** Public update cadence per severity. */
    BySeverity cadence();

    /** The ops dashboard, which sends commands from people's browsers. */
    Dashboard dashboard();

    /** Where the ops dashboard is served from. */
    interface Dashboard {
        /**
         * The origins browsers may send commands from (CORS): read by quarkus.http.cors.origins, named here so that a
         * misspelt key fails the start instead of leaving the dashboard's forms refused.
         */
        List<String> origins();
    }

    /** Longest time from resolve to the RCA's due date, per severity. */
    RcaWindow rcaWindow();

    /** How long an HTTP request waits for its command's decision before answering 202 with a Location to poll. */
    @WithDefault("5s")
    Duration commandTimeout();

    /** How long a request waits for Kafka to acknowledge its command before answering 503 (nothing recorded). */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How many recent command results each instance keeps to answer GET /commands/{id}. */
    @WithDefault("100000")
    int resultCacheSize();

    /** The earliest time a command may name (detectedAt, receivedAt, due dates); older ones are refused (422). */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliestTime();

    /** The most components one incident may name (1 to 1000); more are refused (422). */
    @WithDefault("50")
    int maxComponents();

    /** Bodies of the command endpoints beyond this size get 413 (the monitors' intake takes up to the HTTP limit). */
    @WithDefault("64K")
    MemorySize commandBodyLimit();

    /** The component catalog declares are checked against. */
    Components components();

    /** Update templates the dashboard's forms and incidentctl offer. */
    Templates templates();

    interface Templates {
        /** The most templates the library holds; a define beyond it gets 409. */
        @WithDefault("500")
        int max();
    }

    interface Components {
        /** The most components in use (retired ones aside) the catalog holds; a define beyond it gets 409. */
        @WithDefault("1000")
        int max();

        /** What a declare naming a component the catalog does not have (or has retired) gets, by who sends it. */
        UnknownComponents unknown();
    }

    interface UnknownComponents {
        /** Declares by a person: REJECT (422 naming the known components) or CREATE (add it to the catalog). */
        @WithDefault("reject")
        ComponentAdmission.Unknown people();

        /** Declares by a machine (incident-emitter) through the command API. */
        @WithDefault("reject")
        ComponentAdmission.Unknown machines();

        /** Incidents made from monitors' alerts: an alert is not lost over a name, so CREATE by default. */
        @WithDefault("create")
        ComponentAdmission.Unknown alerts();
    }

    /** Bounds of scheduled maintenance windows. */
    Maintenance maintenance();

    interface Maintenance {
        /** The longest a window may last; a longer one is refused (422). */
        @WithDefault("7d")
        Duration longestWindow();

        /** How far ahead a window may be scheduled. */
        @WithDefault("366d")
        Duration furthestAhead();
    }

    /** How monitors' alerts (Alertmanager, Grafana, PagerDuty Events v2) become incidents. */
    Integrations integrations();

    interface Integrations {
        /**
         * The severity each value of an alert's {@code severity} label (PagerDuty's {@code payload.severity})
         * stands for, lower case; defaults in application.properties: critical SEV1, error and high SEV2,
         * warning SEV3, info SEV4.
         */
        Map<String, Severity> severityLabels();

        /** The severity of an alert without a severity label, or with a value not listed. */
        @WithDefault("SEV3")
        Severity defaultSeverity();

        /** The labels naming an alert's component, in order: the first one an alert has names it. */
        @WithDefault("service,component")
        List<String> componentLabels();

        /**
         * PagerDuty Events v2 integrations: routing key by integration name
         * ({@code incidents.integrations.pagerduty-routing-keys.<name>=<key>}); an event's routing key must be one.
         */
        Map<String, String> pagerdutyRoutingKeys();
    }

    interface BySeverity {
        @WithDefault("15m")
        Duration sev1();

        @WithDefault("30m")
        Duration sev2();

        @WithDefault("60m")
        Duration sev3();

        @WithDefault("120m")
        Duration sev4();
    }

    interface RcaWindow {
        @WithDefault("5d")
        Duration sev1();

        @WithDefault("5d")
        Duration sev2();

        @WithDefault("10d")
        Duration sev3();

        @WithDefault("10d")
        Duration sev4();
    }

}
