package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** An incident's timeline, oldest first, each entry marked PUBLIC or INTERNAL. */
@Command(name = "timeline", description = "Show an incident's timeline.")
final class TimelineCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Override
    public Integer call() {
        JsonNode entries = root.api().fromProjection("/incidents/" + Api.encode(incidentId) + "/timeline");
        List<String> lines = new ArrayList<>();
        entries.forEach(entry -> lines.add(Shown.timelineLine(entry, root.zone())));
        root.print(entries, String.join(System.lineSeparator(), lines));
        return ExitCode.OK.status();
    }
}
