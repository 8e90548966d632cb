package dev.incidents.projection.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.projection.it.CatalogRecords;
import dev.incidents.testing.ApiCalls;
import dev.incidents.testing.Chromium;
import dev.incidents.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A responder's whole incident run from the dashboard, in Debian's Chromium, against the packaged projection and the
 * packaged command service on the test stack's broker, registry and Keycloak: declare, a rejected promise shown at
 * its field with the typed text kept (through a reload too), an update, a customer report, resolve with the RCA
 * commitment, publish the RCA. Each form is driven from the keyboard.
 */
class DashboardFormsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static ManagedProcess commands;
    static ManagedProcess projection;
    static int projectionPort;
    static String commandsUrl;
    static Chromium chromium;

    @BeforeAll
    static void startServicesAndBrowser() throws Exception {
        TestStack.start();
        Path state = Files.createTempDirectory("dashboard-forms-it");
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        int commandsPort = ManagedProcess.freePort();
        commandsUrl = "http://127.0.0.1:" + commandsPort;
        projectionPort = ManagedProcess.freePort();
        String dashboard = "http://127.0.0.1:" + projectionPort;
        TestStack.allowDashboardOrigin(dashboard);
        commands = ServiceProcess.start("incident-commands", Path.of(System.getProperty("commands.jar")),
                commandsPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("commands"),
                logs.resolve("forms-commands.log"), "384m", TestStack.identitySetting(),
                "incidents.dashboard.origins=" + dashboard);
        projection = ServiceProcess.start("timeline-projection", Path.of(System.getProperty("service.jar")),
                projectionPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("projection"),
                logs.resolve("forms-projection.log"), "384m", TestStack.identitySetting(),
                Tokens.PEER_SECRET_SETTING, "incidents.dashboard.commands-url=http://127.0.0.1:" + commandsPort);
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (projection != null) {
            projection.close();
        }
        if (commands != null) {
            commands.close();
        }
    }

    @Test
    void a_commander_declares_updates_resolves_and_publishes_the_rca_and_a_refused_promise_loses_nothing()
            throws Exception {
        String title = "Card payments failing " + UUID.randomUUID().toString().substring(0, 8);
        CatalogRecords.define("card-payments", "Card payments", "Shop", 1, true);
        String template = defineTemplate("UPDATE", "Still working on it", Map.of(
                "en", "We are still working on {component}. Next update by {nextUpdateAt}.",
                "de", "Wir arbeiten weiter an {component}. Nächstes Update bis {nextUpdateAt}."));
        signIn("commander");

        // declare: the severity picker says what each severity promises; Enter in the title sends the form
        open("#declare-panel");
        assertThat(text("#declare-form [data-severity-choices]"))
                .contains("Full outage: customers cannot transact · a public update at least every 15 min");
        type("declare-summary", "Customers cannot pay by card");
        assertThat(find("declare-commander").getAttribute("value")).as("the person declaring").isEqualTo("commander");
        WebElement components = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#declare-components option[value='card-payments']")));
        assertThat(components.getText()).isEqualTo("Shop: Card payments");
        new Select(find("declare-components")).selectByValue("card-payments");
        type("declare-title", title);
        chromium.screenshot("dashboard-declare");
        assertThat(chromium.seriousAccessibilityViolations("#declare-panel")).as("the declare form").isEmpty();
        find("declare-title").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), title));
        assertThat(text("#incident-state")).contains("card-payments").contains("commander");

        // a promise beyond the cadence: the server's 422 beside the field, the message kept, also through a reload
        open("#update-form");
        assertThat(text("#update-next-hint")).startsWith("Latest allowed: ");
        type("update-message", "We found a bad deploy and are rolling it back.");
        setDateTime("update-next", 30);
        submit("update-form");
        WebElement fieldError = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("update-next-error")));
        assertThat(fieldError.getText()).contains("no later than");
        assertThat(find("update-next").getAttribute("aria-invalid")).isEqualTo("true");
        WebElement alert = find("update-form").findElement(By.cssSelector(".form-error"));
        assertThat(alert.getAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).isEqualTo("Not accepted: see “Next update by” below.");
        chromium.screenshot("dashboard-update-refused");
        assertThat(chromium.seriousAccessibilityViolations("#incident-view")).as("the incident's forms, one refused")
                .isEmpty();
        chromium.driver.navigate().refresh();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-title"), title));
        assertThat(find("update-message").getAttribute("value"))
                .isEqualTo("We found a bad deploy and are rolling it back.");

        setDateTime("update-next", 10);
        submit("update-form");
        awaitStatus("update-form", "Update posted.");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-timeline"),
                "We found a bad deploy and are rolling it back."));
        assertThat(find("update-message").getAttribute("value")).as("cleared once accepted").isEmpty();

        // a template fills the message in for this incident and proposes its status; what it replaced comes back
        type("update-message", "A draft of my own");
        new Select(find("update-pick-template")).selectByValue(template);
        waitFor(driver -> find("update-message").getAttribute("value").startsWith("We are still working on Card"));
        assertThat(find("update-message").getAttribute("value"))
                .startsWith("We are still working on Card payments. Next update by ").doesNotContain("{");
        assertThat(new Select(find("update-status")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("MONITORING");
        assertThat(text("#update-pick-status")).isEqualTo("Filled in from “Still working on it” (English).");
        chromium.screenshot("dashboard-template");
        assertThat(chromium.seriousAccessibilityViolations("#update-form")).as("the template picker").isEmpty();
        find("update-form").findElement(By.cssSelector("[data-template-undo]")).sendKeys(Keys.ENTER);
        waitFor(driver -> find("update-message").getAttribute("value").equals("A draft of my own"));
        new Select(find("update-pick-template")).selectByValue(template);
        waitFor(driver -> find("update-message").getAttribute("value").startsWith("We are still working on Card"));
        new Select(find("update-pick-language")).selectByValue("de");
        waitFor(driver -> find("update-message").getAttribute("value").startsWith("Wir arbeiten weiter an Card"));
        submit("update-form");
        awaitStatus("update-form", "Update posted.");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-timeline"),
                "Wir arbeiten weiter an Card payments."));

        open("#report-form");
        type("report-channel", "email");
        type("report-reference", "TICKET-4711");
        submit("report-form");
        awaitStatus("report-form", "Customer report linked.");

        // resolve: the RCA owner and due date come pre-filled within the severity's window
        open("#resolve-form");
        assertThat(find("resolve-owner").getAttribute("value")).isNotBlank();
        assertThat(find("resolve-due").getAttribute("value")).isNotBlank();
        type("resolve-message", "Card payments work again.");
        submit("resolve-form");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-rca"), "Committed, due"));

        open("#rca-form");
        type("rca-cause", "A deploy removed the card processor's timeout.");
        List<WebElement> firstRow = chromium.driver.findElements(By.cssSelector("#rca-form .action-row input"));
        firstRow.get(0).sendKeys("Check processor timeouts in the deploy pipeline");
        firstRow.get(1).sendKeys("platform-team");
        find("rca-form").findElement(By.cssSelector("[data-add-action]")).click();
        List<WebElement> secondRow = chromium.driver.findElements(By.cssSelector("#rca-form .action-row"))
                .get(1).findElements(By.tagName("input"));
        secondRow.get(0).sendKeys("Alert on card payment error rate");
        secondRow.get(1).sendKeys("payments-team");
        chromium.screenshot("dashboard-rca");
        submit("rca-form");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-rca"), "Published"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-actions"),
                "Alert on card payment error rate"));
        assertThat(chromium.contentSecurityViolations()).isEmpty();
    }

    @Test
    void a_responder_may_post_updates_and_link_reports_but_gets_no_declare_resolve_or_rca_form() {
        signIn("responder");

        assertThat(chromium.driver.findElements(By.id("declare-form"))).isEmpty();
        assertThat(chromium.driver.findElements(By.id("update-form"))).hasSize(1);
        assertThat(chromium.driver.findElements(By.id("report-form"))).hasSize(1);
        assertThat(chromium.driver.findElements(By.cssSelector("#resolve-form, #severity-form, #rca-form")))
                .isEmpty();
    }

    /** Writes an update template (proposing MONITORING, public) through the command service's API, as a commander. */
    private static String defineTemplate(String kind, String name, Map<String, String> messages) throws Exception {
        String id = "template-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = JSON.createObjectNode().put("kind", kind).put("name", name).put("status", "MONITORING")
                .put("audience", "PUBLIC").put("defaultLanguage", "en");
        ObjectNode texts = body.putObject("texts");
        messages.forEach((language, message) -> texts.putObject(language).put("message", message));
        ApiCalls.put(commandsUrl + "/templates/" + id, "commander", body.toString());
        return id;
    }

    /** Signs in at the provider as {@code user} (after signing anyone before out) and waits for the board. */
    private static void signIn(String user) {
        chromium.clearCookies();
        chromium.driver.get("http://127.0.0.1:" + projectionPort + "/dashboard/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        chromium.driver.findElement(By.id("username")).sendKeys(user);
        chromium.driver.findElement(By.id("password")).sendKeys(user + "-local");
        chromium.driver.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        waitFor(driver -> !driver.findElements(By.cssSelector("#incident-commands-slot section")).isEmpty());
    }

    /** Unfolds the panel holding the element, with the keyboard: focus on its summary, then Enter. */
    private static void open(String selector) {
        WebElement details = chromium.driver.findElement(By.cssSelector(selector)).findElement(By.xpath(
                "ancestor-or-self::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        }
        waitFor(ExpectedConditions.attributeToBeNotEmpty(details, "open"));
    }

    private static void type(String id, String text) {
        find(id).sendKeys(text);
    }

    /** A datetime-local field set to {@code minutes} from now on the browser's clock, as a person would pick it. */
    private static void setDateTime(String id, int minutes) {
        chromium.driver.executeScript("const d = new Date(Date.now() + arguments[1] * 60000);"
                + "const p = (n) => String(n).padStart(2, '0');"
                + "arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T`"
                + " + `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;"
                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", find(id), minutes);
    }

    /** Sends the form from the keyboard: focus on its submit button, then Enter. */
    private static void submit(String formId) {
        find(formId).findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
    }

    private static void awaitStatus(String formId, String text) {
        waitFor(ExpectedConditions.textToBePresentInElement(
                find(formId).findElement(By.cssSelector(".form-status")), text));
    }

    private static WebElement find(String id) {
        return chromium.driver.findElement(By.id(id));
    }

    private static String text(String selector) {
        return chromium.driver.findElement(By.cssSelector(selector)).getText();
    }

    /**
     * Waits for the condition; a timeout names the page the browser was on and what its console said. An element
     * read while the page reloads may belong to the page that went away: the condition is tried again.
     */
    private static <T> T waitFor(Function<? super WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(chromium.driver, PATIENCE);
        wait.ignoring(WebDriverException.class);
        wait.withMessage(() -> "on " + chromium.driver.getCurrentUrl() + ", console: " + chromium.console());
        return wait.until(condition);
    }
}
