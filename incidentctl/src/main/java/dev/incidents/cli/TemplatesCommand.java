package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The update templates that declare, update and resolve can start from ({@code --template ID}). */
@Command(name = "templates", description = "List the templates declare, update and resolve can start from.")
final class TemplatesCommand implements Callable<Integer> {

    @ParentCommand
    Incidentctl root;

    @Option(names = "--kind", description = "DECLARE, UPDATE or RESOLVE (default: all)")
    String kind;

    @Override
    public Integer call() {
        JsonNode templates = root.api().fromCommands("GET", "/templates" + (kind == null ? ""
                : "?kind=" + Api.encode(kind)), null);
        List<String> lines = new ArrayList<>(List.of("%-36s %-8s %-14s %s".formatted("TEMPLATE", "KIND",
                "LANGUAGES", "NAME")));
        templates.forEach(template -> lines.add("%-36s %-8s %-14s %s".formatted(template.path("id").asText(),
                template.path("kind").asText(), String.join(",", template.path("texts").properties().stream()
                        .map(java.util.Map.Entry::getKey).toList()), template.path("name").asText())));
        root.print(templates, templates.isEmpty() ? "No templates." : String.join(System.lineSeparator(), lines));
        return ExitCode.OK.status();
    }
}
