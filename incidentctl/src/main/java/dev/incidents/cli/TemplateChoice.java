package dev.incidents.cli;

import picocli.CommandLine.Option;

/** The options of the commands a template can start (declare, update, resolve). */
final class TemplateChoice {

    @Option(names = "--template", paramLabel = "ID", description = "Start the text from a template of this kind "
            + "(incidentctl templates lists them)")
    String id;

    @Option(names = "--language", description = "The template's language (default: its default)")
    String language;
}
