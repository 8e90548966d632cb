package dev.incidents.notifier.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.NotifierKeys;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.testing.Chromium;
import dev.incidents.testing.TestStack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status page reader subscribes themselves, in Debian's Chromium against the packaged projection (the page) and
 * the packaged notifier, with mail over real SMTP (GreenMail): they sign up by email for one component in German,
 * get the confirmation mail, confirm on its page, receive the declaration of an incident on that component, and
 * leave with the mail's one-click unsubscribe. A webhook sign-up shows its signing secret once.
 */
class StatusPageSignUpIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"<>]+/mail/confirm/[^\\s\"<>]+)");
    static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("<https?://[^>]+(/mail/unsubscribe/[^>]+)>");

    static GreenMail mail;
    static ManagedProcess notifier;
    static ManagedProcess projection;
    static int notifierPort;
    static int projectionPort;
    static Chromium chromium;

    @BeforeAll
    static void startServicesMailAndBrowser() throws Exception {
        TestStack.start();
        Path state = Files.createTempDirectory("status-page-sign-up-it");
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        mail = new GreenMail(new ServerSetup(ManagedProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        notifierPort = ManagedProcess.freePort();
        projectionPort = ManagedProcess.freePort();
        List<String> notifierSettings = new ArrayList<>(NotifierKeys.settings(state));
        notifierSettings.addAll(List.of(TestStack.identitySetting(), ServiceProcess.LOOPBACK_DELIVERIES,
                "quarkus.mailer.host=127.0.0.1", "quarkus.mailer.port=" + mail.getSmtp().getPort(),
                "incidents.email.public-url=http://127.0.0.1:" + notifierPort,
                "incidents.status-page.origins=http://127.0.0.1:" + projectionPort));
        notifier = ServiceProcess.start("notifier-service", Path.of(System.getProperty("service.jar")),
                notifierPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("notifier"),
                logs.resolve("sign-up-notifier.log"), "384m", notifierSettings.toArray(String[]::new));
        projection = ServiceProcess.start("timeline-projection", Path.of(System.getProperty("projection.jar")),
                projectionPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("projection"),
                logs.resolve("sign-up-projection.log"), "384m", TestStack.identitySetting(),
                Tokens.PEER_SECRET_SETTING, "incidents.status-page.subscriptions-url=http://127.0.0.1:"
                        + notifierPort + "/public/subscriptions");
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        for (ManagedProcess process : new ManagedProcess[] {projection, notifier}) {
            if (process != null) {
                process.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void a_reader_subscribes_to_one_component_confirms_gets_its_incident_and_unsubscribes_in_one_click() {
        String component = "sign-up-" + UUID.randomUUID().toString().substring(0, 8);
        NotifierFixtures.defineComponent(component, "Shop");
        String address = "reader-" + UUID.randomUUID() + "@example.com";
        WebDriver browser = openStatusPage();
        WebElement choice = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#subscribe-form input[name=components][value='" + component + "']")));

        choice.click();
        browser.findElement(By.id("subscribe-target")).sendKeys(address);
        new Select(browser.findElement(By.id("subscribe-locale"))).selectByValue("de");
        chromium.screenshot("status-subscribe");
        browser.findElement(By.cssSelector("#subscribe-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#subscribe-form .form-status"),
                "Almost done: we sent a confirmation link to " + address));
        assertThat(chromium.seriousAccessibilityViolations()).isEmpty();
        assertThat(chromium.contentSecurityViolations()).isEmpty();

        Matcher confirm = CONFIRM_LINK.matcher(Mailbox.text(Mailbox.await(mail, address, "Bitte bestätigen")));
        assertThat(confirm.find()).isTrue();
        browser.get(confirm.group(1));
        browser.findElement(By.cssSelector("form[method=post] button")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bestätigt."));

        String incidentId = "sign-up-" + UUID.randomUUID();
        NotifierFixtures.declare(incidentId, Instant.now(), List.of(component));
        MimeMessage declared = Mailbox.await(mail, address, "[SEV1] Wir untersuchen: Checkout down");
        Matcher unsubscribe = UNSUBSCRIBE_LINK.matcher(Mailbox.header(declared, "List-Unsubscribe"));
        assertThat(unsubscribe.find()).isTrue();

        RestAssured.given().port(notifierPort).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click").post(unsubscribe.group(1)).then().statusCode(200);
        String subscriptionId = unsubscribe.group(1).replaceAll(".*/unsubscribe/([^?]+).*", "$1");
        RestAssured.given().port(notifierPort).auth().oauth2(TestStack.tokens().of("notifier-admin"))
                .get("/subscriptions/" + subscriptionId).then().statusCode(404);
    }

    @Test
    void a_webhook_reader_is_shown_the_signing_secret_once() {
        WebDriver browser = openStatusPage();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#subscribe-form input[name=components]")));

        browser.findElement(By.cssSelector("#subscribe-form input[value=WEBHOOK]")).click();
        assertThat(browser.findElement(By.id("subscribe-target-label")).getText()).isEqualTo("Webhook URL (https)");
        browser.findElement(By.id("subscribe-target")).sendKeys("http://127.0.0.1:9/hook-" + UUID.randomUUID());
        browser.findElement(By.cssSelector("#subscribe-form button[type=submit]")).click();

        WebElement secret = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("subscribe-secret")));
        assertThat(secret.getText()).startsWith("whsec_");
        assertThat(browser.findElement(By.id("subscribe-unsubscribe")).getText()).contains("/mail/unsubscribe/");
    }

    private static WebDriver openStatusPage() {
        WebDriver browser = chromium.driver;
        browser.get("http://127.0.0.1:" + projectionPort + "/status/");
        return browser;
    }

    private static <T> T waitFor(Function<? super WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(chromium.driver, PATIENCE);
        wait.withMessage(() -> "on " + chromium.driver.getCurrentUrl() + ", console: " + chromium.console());
        return wait.until(condition);
    }
}
