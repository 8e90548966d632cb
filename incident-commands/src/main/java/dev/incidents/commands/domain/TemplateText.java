package dev.incidents.commands.domain;

/**
 * A template in one language.
 *
 * @param title   a declaration's title; null for other kinds
 * @param message a declaration's summary, an update's or a resolution's message
 */
public record TemplateText(String title, String message) {
}
