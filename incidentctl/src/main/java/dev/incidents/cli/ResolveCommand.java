package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Resolves an incident and commits to its RCA: an owner and a due date, by default the latest the severity's RCA
 * window allows.
 */
@Command(name = "resolve", description = "Resolve, committing to the RCA (owner and due date).")
final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(names = "--message", description = "What customers are told")
    String message;

    @Option(names = "--rca-owner", required = true, description = "Who writes the RCA")
    String rcaOwner;

    @Option(names = "--rca-due", paramLabel = "TIME", description = "When the RCA is due (default: the latest allowed)")
    String rcaDue;

    @Mixin
    TemplateChoice template = new TemplateChoice();

    @Override
    public Integer call() {
        Instant given = rcaDue == null ? null : Times.parse(rcaDue, root.clock(), root.zone());
        Api api = root.api();
        JsonNode incident = IncidentFacts.of(api, incidentId);
        Instant due = given != null ? given
                : Policy.of(api, incident.path("severity").asText()).latestRcaDue(root.clock().instant());
        JsonNode filled = null;
        if (template.id != null) {
            Map<String, String> values = IncidentFacts.templateValues(incident);
            values.put("rcaDueAt", Times.publicDate(due));
            values.put("rcaOwner", rcaOwner);
            filled = Templates.fill(api, template, values);
        }
        JsonNode answer = api.command("/incidents/" + Api.encode(incidentId) + "/resolve", Json.MAPPER
                .createObjectNode().put("message", Templates.text(filled, "message", message))
                .put("rcaOwner", rcaOwner).put("rcaDueAt", due.toString()));
        root.print(answer, "Resolved " + incidentId + "; the RCA is due by " + Times.shown(due, root.zone())
                + " (" + rcaOwner + ")");
        return ExitCode.OK.status();
    }
}
