package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** The open incidents (or all of them), newest first, with each one's next-update countdown. */
@Command(name = "list", description = "List open incidents (newest first).")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Option(names = "--all", description = "Resolved ones too")
    boolean all;

    @Option(names = "--overdue", description = "Only those whose promised update is overdue")
    boolean overdue;

    @Option(names = "--severity", description = "Only this severity")
    String severity;

    @Override
    public Integer call() {
        StringBuilder query = new StringBuilder("/incidents?limit=500");
        if (!all) {
            query.append("&status=open");
        }
        if (overdue) {
            query.append("&overdue=true");
        }
        if (severity != null) {
            query.append("&severity=").append(Api.encode(severity));
        }
        JsonNode incidents = root.api().fromProjection(query.toString());
        StringBuilder text = new StringBuilder(Shown.header());
        for (JsonNode incident : incidents) {
            text.append(System.lineSeparator()).append(Shown.line(incident, root.clock(), false));
        }
        root.print(incidents, incidents.isEmpty() ? "No incidents." : text.toString());
        return ExitCode.OK.status();
    }
}
