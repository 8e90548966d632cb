package dev.incidents.cli;

/** An access token for the services: from the environment, or from the stored sign-in (refreshed when due). */
interface TokenSource {

    /** @throws ProblemAnswer with {@link ExitCode#NOT_ALLOWED} when there is none */
    String accessToken();
}
