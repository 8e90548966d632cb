package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Posts an update. A public update promises the next one: without {@code --next-update-at}, a terminal asks for it
 * and shows the latest the incident's severity allows (the default); a script must say it.
 */
@Command(name = "update", description = "Post an update; a public one says when the next will come.")
final class UpdateCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INCIDENT", description = "The incident's id")
    String incidentId;

    @Option(names = "--message", description = "What changed, what is being done")
    String message;

    @Option(names = "--status", description = "INVESTIGATING, IDENTIFIED or MONITORING (default: as it is)")
    String status;

    @Option(names = "--audience", description = "PUBLIC (default: customers see it) or INTERNAL (the team only)")
    String audience;

    @Option(names = "--next-update-at", paramLabel = "TIME",
            description = "When the next public update comes: +15m, 14:30 or ISO-8601 (asked for when left out)")
    String nextUpdateAt;

    @Mixin
    TemplateChoice template = new TemplateChoice();

    @Override
    public Integer call() {
        Instant given = nextUpdateAt == null ? null : Times.parse(nextUpdateAt, root.clock(), root.zone());
        Api api = root.api();
        JsonNode incident = IncidentFacts.of(api, incidentId);
        Instant latest = Policy.of(api, incident.path("severity").asText()).latestNextUpdate(root.clock().instant());
        String chosenAudience = audience != null || template.id == null ? audience : Templates.text(
                api.fromCommands("GET", "/templates/" + Api.encode(template.id), null), "audience", null);
        Instant promised = "INTERNAL".equals(chosenAudience) ? null : given != null ? given : promise(latest);
        JsonNode filled = null;
        if (template.id != null) {
            Map<String, String> values = IncidentFacts.templateValues(incident);
            if (promised != null) {
                values.put("nextUpdateAt", Times.publicTime(promised));
            }
            filled = Templates.fill(api, template, values);
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("message", Templates.text(filled, "message", message));
        body.put("status", Objects.requireNonNullElse(Templates.text(filled, "status", status),
                incident.path("status").asText()));
        putIfGiven(body, "audience", chosenAudience);
        if (promised != null) {
            body.put("nextUpdateAt", promised.toString());
        }
        JsonNode answer = api.command("/incidents/" + Api.encode(incidentId) + "/updates", body);
        root.print(answer, "Update posted to " + incidentId + (answer.hasNonNull("nextUpdateDueAt")
                ? "; next public update due by " + Times.shown(Instant.parse(answer.get("nextUpdateDueAt").asText()),
                root.zone()) : ""));
        return ExitCode.OK.status();
    }

    /** The promised time typed at the prompt, or (a script without it) a usage error naming the limit. */
    private Instant promise(Instant latest) {
        String limit = "latest allowed " + Times.shown(latest, root.zone()) + ", "
                + Times.fromNow(latest, root.clock());
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "A public update promises the next one: "
                    + "give --next-update-at (" + limit + ").");
        }
        String typed = console.readLine("Next update by (%s; Enter takes it): ", limit);
        return typed == null || typed.isBlank() ? latest : Times.parse(typed, root.clock(), root.zone());
    }

    private static void putIfGiven(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
