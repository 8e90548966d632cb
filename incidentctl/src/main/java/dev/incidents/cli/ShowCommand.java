package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** One incident's state: promise, RCA commitment, corrective actions. */
@Command(name = "show", description = "Show one incident's state.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Override
    public Integer call() {
        JsonNode incident = IncidentFacts.of(root.api(), incidentId);
        root.print(incident, String.join(System.lineSeparator(), Shown.details(incident, root.clock(), root.zone())));
        return ExitCode.OK.status();
    }
}
