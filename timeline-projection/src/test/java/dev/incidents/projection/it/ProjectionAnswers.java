package dev.incidents.projection.it;

import dev.incidents.testing.Await;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for the projection under test: it answers 503 while its stores start, and knows an event a moment after
 * Kafka has it.
 */
public final class ProjectionAnswers {

    private ProjectionAnswers() {
    }

    /** Polls until the answer is 200 and the check holds, or the patience runs out; the last answer either way. */
    public static Response awaitOk(Supplier<Response> request, Predicate<Response> check, Duration patience)
            throws InterruptedException {
        return Await.latest(patience, request, response -> response.statusCode() == 200 && check.test(response));
    }
}
