package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Declares an incident; the commander is the person signed in unless another is named. */
@Command(name = "declare", description = "Declare an incident.")
final class DeclareCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Option(names = "--title", description = "What is broken, as customers would say it")
    String title;

    @Option(names = "--severity", required = true, description = "SEV1 (full outage) to SEV4")
    String severity;

    @Option(names = "--summary", description = "What customers notice")
    String summary;

    @Option(names = "--component", paramLabel = "ID", description = "A catalog component it affects (repeatable)")
    List<String> components = List.of();

    @Option(names = "--commander", description = "Who leads it (default: the person signed in)")
    String commander;

    @Mixin
    TemplateChoice template = new TemplateChoice();

    @Override
    public Integer call() {
        Api api = root.api();
        JsonNode filled = template.id == null ? null : Templates.fill(api, template, Map.of(
                "component", String.join(", ", components), "severity", severity,
                "commander", commander == null ? "" : commander));
        ObjectNode body = Json.MAPPER.createObjectNode().put("title", Templates.text(filled, "title", title))
                .put("severity", severity).put("summary", Templates.text(filled, "message", summary));
        body.putArray("components").addAll(components.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        if (commander != null) {
            body.put("commander", commander);
        }
        JsonNode answer = api.command("/incidents", body);
        root.print(answer, (answer.path("deduplicated").asBoolean() ? "Joined the open incident " : "Declared ")
                + answer.path("incidentId").asText() + next(answer));
        return ExitCode.OK.status();
    }

    private String next(JsonNode answer) {
        return answer.hasNonNull("nextUpdateDueAt") ? "; first public update due by "
                + Times.shown(java.time.Instant.parse(answer.get("nextUpdateDueAt").asText()), root.zone()) : "";
    }
}
