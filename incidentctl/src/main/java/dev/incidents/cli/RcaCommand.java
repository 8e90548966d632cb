package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** Publishes the RCA: the root cause and our own corrective actions, whoever caused the incident. */
@Command(name = "rca", description = "Publish the RCA: root cause and corrective actions.")
final class RcaCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(names = "--root-cause", required = true, description = "What caused it")
    String rootCause;

    @Option(names = "--action", paramLabel = "WHAT;OWNER;DUE", required = true,
            description = "A corrective action of our own: what, who, by when (+14d, ISO-8601); repeatable")
    List<String> actions;

    @Option(names = "--vendor", description = "The third party that failed, if one did")
    String vendor;

    @Option(names = "--vendor-description", description = "What the third party's part was")
    String vendorDescription;

    @Override
    public Integer call() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("rootCause", rootCause);
        ArrayNode list = body.putArray("correctiveActions");
        for (String action : actions) {
            String[] parts = action.split(";", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("--action takes 'what;owner;due', e.g. 'Alert on error rate;"
                        + "payments-team;+14d', not '" + action + "'.");
            }
            ObjectNode row = list.addObject().put("description", parts[0].strip()).put("owner", parts[1].strip());
            if (!parts[2].isBlank()) {
                row.put("dueAt", Times.parse(parts[2], root.clock(), root.zone()).toString());
            }
        }
        if (vendor != null) {
            body.putObject("thirdParty").put("vendor", vendor).put("description", vendorDescription);
        }
        JsonNode answer = root.api().command("/incidents/" + Api.encode(incidentId) + "/rca", body);
        root.print(answer, "RCA published for " + incidentId + " with " + actions.size() + " corrective action"
                + (actions.size() == 1 ? "" : "s"));
        return ExitCode.OK.status();
    }
}
