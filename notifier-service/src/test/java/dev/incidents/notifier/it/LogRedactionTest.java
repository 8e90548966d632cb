package dev.incidents.notifier.it;

import dev.incidents.testing.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the notifier logs while subscriptions are made, fail to deliver and are deleted, no line (nor stack
 * trace) holds a signing secret or the path of a webhook or Slack URL (Slack's URL is its secret).
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierTestStack.class, restrictToAnnotatedClass = false)
class LogRedactionTest extends SignedInAsNotifierAdmin {

    @Test
    void no_log_line_holds_a_signing_secret_or_a_webhook_path() throws Exception {
        String slackToken = "slackPathToken" + UUID.randomUUID().toString().replace("-", "");
        String hookToken = "hookPathToken" + UUID.randomUUID().toString().replace("-", "");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Capture(lines);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            receiver.failNext(Integer.MAX_VALUE, 500);
            String slackId = subscribe("SLACK", receiver.url() + "/services/T0/B0/" + slackToken, "");
            String hookId = subscribe("WEBHOOK", receiver.url() + "/" + hookToken,
                    ",\"secrets\":[\"" + NotifierFixtures.SECRET + "\"]");
            NotifierFixtures.declareUntil("log-", Instant.now(), incidentId -> receiver.received().size() >= 2);
            Await.until("an attempt failed and was logged", Duration.ofSeconds(20),
                    () -> lines.stream().anyMatch(line -> line.contains("failed")));
            delete(slackId);
            delete(hookId);
        } finally {
            root.removeHandler(capture);
        }

        assertThat(lines).isNotEmpty().noneSatisfy(line -> assertThat(line)
                .containsAnyOf(slackToken, hookToken, NotifierFixtures.SECRET, "whsec_"));
    }

    private static String subscribe(String channel, String target, String more) {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"channel\":\"" + channel + "\",\"target\":\""
                        + target + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\",\"timeZone\":\"UTC\"" + more + "}")
                .post("/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static void delete(String id) {
        String version = RestAssured.get("/subscriptions/" + id).then().statusCode(200).extract().header("ETag");
        RestAssured.given().header("If-Match", version).delete("/subscriptions/" + id).then().statusCode(204);
    }

    /** Every record as it would be written: the message with its parameters, and the stack trace. */
    private static final class Capture extends Handler {
        private final List<String> lines;

        Capture(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
