package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

/**
 * The command service's rules for one severity (GET /policy): the latest a public update may promise the next one,
 * the latest a resolution may commit the RCA to. Offered as defaults and shown beside the prompt, never enforced
 * here: the server decides.
 */
record Policy(Duration cadence, Duration rcaWindow) {

    static Policy of(Api api, String severity) {
        for (JsonNode rules : api.fromCommands("GET", "/policy", null).path("severities")) {
            if (rules.path("severity").asText().equals(severity)) {
                return new Policy(Duration.ofSeconds(rules.path("cadenceSeconds").asLong()),
                        Duration.ofSeconds(rules.path("rcaWindowSeconds").asLong()));
            }
        }
        throw new IllegalStateException("The command service's policy names no severity " + severity);
    }

    Instant latestNextUpdate(Instant now) {
        return now.plus(cadence);
    }

    Instant latestRcaDue(Instant now) {
        return now.plus(rcaWindow);
    }
}
