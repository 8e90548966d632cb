package dev.incidents.support.http;

/** An answer a resource gives by throwing: its problem as it is (404, 409, 412...), mapped by RequestProblems. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
