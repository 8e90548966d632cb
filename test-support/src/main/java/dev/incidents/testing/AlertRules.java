package dev.incidents.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators' alert rules in deploy/observability, read so a service's tests can check that every metric its
 * rules use is one it exports: a renamed metric would otherwise silence an alert without anybody noticing.
 */
public final class AlertRules {

    private static final Path RULES = Path.of("..", "deploy", "observability", "prometheus-rules.yml");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right");
    /** Series Prometheus makes itself, not the services. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private AlertRules() {
    }

    /** The metric names in the expressions of the rules labelled for {@code service} or for {@code every} one. */
    public static Set<String> metricsUsedBy(String service) {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : read().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String owner = rule.path("labels").path("service").asText();
                if (owner.equals(service) || owner.equals("every")) {
                    names.addAll(metricNames(rule.path("expr").asText()));
                }
            }
        }
        return names;
    }

    /** Names in a PromQL expression that are neither functions, keywords, labels nor durations. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher token = NAME.matcher(bare);
        while (token.find()) {
            boolean function = bare.substring(token.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(token.group()) && !PROMETHEUS_OWN.contains(token.group())) {
                names.add(token.group());
            }
        }
        return names;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the alert rules at " + RULES.toAbsolutePath(), e);
        }
    }
}
