package dev.incidents.projection.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the projection needs from each kind of incident event: a reading of the event contract, mapped from Avro at
 * the edge, holding only what state, timelines and detections use.
 */
public sealed interface Fact {

    /** Text for the incident's timeline. */
    String text();

    record Declared(String title, Severity severity, String summary, List<String> components, String commander,
                    Instant detectedAt, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        public Declared {
            components = List.copyOf(components);
        }

        @Override
        public String text() {
            return title + ": " + summary;
        }
    }

    record UpdatePosted(Status status, boolean isPublic, String message, Instant nextUpdateDueAt, Duration cadence)
            implements Fact {
        @Override
        public String text() {
            return message;
        }
    }

    record SeverityChanged(Severity to, String reason, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        @Override
        public String text() {
            return "Severity " + to + ": " + reason;
        }
    }

    record Resolved(String message, Instant rcaDueAt) implements Fact {
        @Override
        public String text() {
            return message;
        }
    }

    record Reopened(String reason, Instant nextUpdateDueAt, Duration cadence) implements Fact {
        @Override
        public String text() {
            return reason;
        }
    }

    record RcaPublished(String rootCause) implements Fact {
        @Override
        public String text() {
            return rootCause;
        }
    }

    record CustomerReportLinked(Instant receivedAt, String channel) implements Fact {
        @Override
        public String text() {
            return "Customer report via " + channel;
        }
    }
}
