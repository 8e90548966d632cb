package dev.incidents.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A service's API called as a person, for a test's setup (what a test is not about, such as defining a template
 * before a form or the CLI uses it): the answer's status is checked, its body returned.
 */
public final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiCalls() {
    }

    /** PUTs {@code json} to {@code url} as the local realm's {@code user}; fails unless the answer is 2xx. */
    public static String put(String url, String user, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestStack.tokens().of(user))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError("PUT " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
