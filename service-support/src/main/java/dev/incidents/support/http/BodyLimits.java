package dev.incidents.support.http;

/**
 * The largest body a path takes, where a service's paths differ: a bean of this type makes {@link RouterProblems}
 * answer 413 by path instead of by the one HTTP limit (quarkus.http.limits.max-body-size, which stays the ceiling).
 */
public interface BodyLimits {

    /** The most bytes a request body sent to {@code path} may declare. */
    long maxBodySize(String path);
}
