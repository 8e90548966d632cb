package dev.incidents.notifier.domain;

/** One thing wrong with a request, and the field it is wrong in. */
public record Violation(String field, String message) {
}
