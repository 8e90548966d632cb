package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Changes an incident's severity, and with it the update cadence; the reason is kept on the timeline. */
@Command(name = "severity", description = "Change the severity (and with it the update cadence).")
final class SeverityCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    String incidentId;

    @Parameters(index = "1", paramLabel = "SEVERITY", description = "SEV1 to SEV4")
    String severity;

    @Option(names = "--reason", required = true, description = "Why")
    String reason;

    @Override
    public Integer call() {
        JsonNode answer = root.api().command("/incidents/" + Api.encode(incidentId) + "/severity",
                Json.MAPPER.createObjectNode().put("severity", severity).put("reason", reason));
        root.print(answer, incidentId + " is " + severity + " now");
        return ExitCode.OK.status();
    }
}
