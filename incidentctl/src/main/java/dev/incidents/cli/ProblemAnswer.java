package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the server refused or could not answer, with its RFC 9457 problem detail when it gave one; the
 * command prints it and exits with the matching {@link ExitCode}.
 */
public final class ProblemAnswer extends RuntimeException {

    private final transient JsonNode problem;
    private final ExitCode exitCode;

    ProblemAnswer(JsonNode problem, ExitCode exitCode) {
        super(describe(problem));
        this.problem = problem;
        this.exitCode = exitCode;
    }

    /** A failure with no answer from the server (it could not be reached, or it did not decide in time). */
    static ProblemAnswer unavailable(String detail) {
        return new ProblemAnswer(Json.MAPPER.createObjectNode().put("title", "Service unavailable")
                .put("detail", detail), ExitCode.UNAVAILABLE);
    }

    JsonNode problem() {
        return problem;
    }

    ExitCode exitCode() {
        return exitCode;
    }

    private static String describe(JsonNode problem) {
        String title = problem.path("title").asText("Refused");
        String detail = problem.path("detail").asText("");
        StringBuilder text = new StringBuilder(title);
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (problem.hasNonNull("field")) {
            text.append(" [field ").append(problem.get("field").asText()).append(']');
        }
        for (JsonNode violation : problem.path("violations")) {
            text.append(System.lineSeparator()).append("  ").append(violation.path("field").asText())
                    .append(": ").append(violation.path("message").asText());
        }
        return text.toString();
    }
}
