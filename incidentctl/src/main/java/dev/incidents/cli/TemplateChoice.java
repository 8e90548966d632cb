package dev.incidents.cli;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options of the commands a template can start (declare, update, resolve). */
final class TemplateChoice {

    @Option(names = "--template", paramLabel = "ID", description = "Start the text from a template of this kind "
            + "(incidentctl templates lists them)")
    String id;

    @Option(names = "--language", description = "The template's language (default: its default)")
    String language;

    @Option(names = "--value", paramLabel = "NAME=TEXT", description = "A placeholder's value, where the incident "
            + "has none or another is wanted (e.g. --value component=Checkout); repeatable")
    Map<String, String> values = new LinkedHashMap<>();

    /** The values the incident gives, with those given on the command line over them. */
    Map<String, String> valuesOver(Map<String, String> fromIncident) {
        Map<String, String> all = new LinkedHashMap<>(fromIncident);
        all.putAll(values);
        return all;
    }
}
