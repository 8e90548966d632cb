package dev.incidents.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Subscribes the benchmarks' local receivers to the notifier, as a notifier-admin would. */
final class WebhookSubscriptions {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WebhookSubscriptions() {
    }

    /**
     * A PUBLIC webhook subscription to the target, signed with {@link #SECRET}; asked again while the notifier is
     * still starting.
     */
    static void subscribe(String notifierUrl, String authorization, String target) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(notifierUrl
                            + "/subscriptions")).header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEBHOOK\",\"target\":\"" + target
                            + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\",\"timeZone\":\"UTC\",\"secrets\":[\""
                            + SECRET + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Subscribe failed: " + response.statusCode() + " "
                        + response.body());
            }
            Thread.sleep(500);
        }
    }
}
