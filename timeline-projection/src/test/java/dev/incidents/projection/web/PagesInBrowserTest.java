package dev.incidents.projection.web;

import dev.incidents.avro.Audience;
import dev.incidents.avro.CorrectiveAction;
import dev.incidents.avro.CorrectiveActionCompleted;
import dev.incidents.avro.CustomerReportLinked;
import dev.incidents.avro.IncidentDeclared;
import dev.incidents.avro.IncidentEvent;
import dev.incidents.avro.IncidentResolved;
import dev.incidents.avro.IncidentStatus;
import dev.incidents.avro.MaintenanceStarted;
import dev.incidents.avro.RcaPublished;
import dev.incidents.avro.Severity;
import dev.incidents.avro.SeverityChanged;
import dev.incidents.avro.ThirdPartyCause;
import dev.incidents.avro.UpdatePosted;
import dev.incidents.projection.it.CatalogRecords;
import dev.incidents.projection.it.MaintenanceEvents;
import dev.incidents.projection.it.ProjectionAnswers;
import dev.incidents.projection.it.ProjectionTestStack;
import dev.incidents.testing.Chromium;
import dev.incidents.testing.SignedIn;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.incidents.projection.it.IncidentEvents.declared;
import static dev.incidents.projection.it.IncidentEvents.event;
import static dev.incidents.projection.it.IncidentEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops dashboard and the public status page in real headless Chromium, fed by the projection running on the
 * real broker and registry; the dashboard's users sign in on the real Keycloak's login page. Screenshots land in
 * target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = ProjectionTestStack.class, restrictToAnnotatedClass = false)
class PagesInBrowserTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String INTERNAL = "INTERNAL-ONLY";
    static final String COMMANDER = "Commander Quillfeather";
    /** The name of a component the catalog keeps from the public. */
    static final String PRIVATE_COMPONENT = "Ledger database";

    static Chromium chromium;

    @BeforeAll
    static void startBrowser() {
        SignedIn.as("viewer");
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        SignedIn.out();
        chromium.close();
    }

    @Test
    void a_viewer_signs_in_on_the_providers_login_page_sees_who_is_signed_in_and_no_write_controls_then_signs_out() {
        WebDriver browser = open("/status/");
        signOutOfTheProvider();

        browser.get("http://127.0.0.1:" + RestAssured.port + "/dashboard/#/report");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.issuerUrl());
        chromium.screenshot("dashboard-sign-in");
        logIn("viewer");

        waitFor(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        assertThat(browser.getCurrentUrl()).as("back on the view asked for, without the code")
                .isEqualTo("http://127.0.0.1:" + RestAssured.port + "/dashboard/#/report");
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo("Vic Viewer");
        assertThat(browser.findElements(By.cssSelector("form[method=post], input[type=submit], button")))
                .as("write controls").extracting(WebElement::getText).containsExactly("Sign out");

        browser.findElement(By.id("sign-out")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        browser.get("http://127.0.0.1:" + RestAssured.port + "/dashboard/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertThat(browser.getCurrentUrl()).as("signed out at the provider too").startsWith(TestStack.issuerUrl());
        logIn("commander");
        waitFor(ExpectedConditions.textToBe(By.id("user-name"), "Casey Commander"));
    }

    @Test
    void the_board_shows_a_new_incident_without_a_reload_and_turns_it_overdue_when_its_promise_passes() {
        WebDriver browser = open("/dashboard/");
        waitFor(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        ((JavascriptExecutor) browser).executeScript("window.samePage = true;");

        String id = "web-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(event(id, 1, now, declared("Card payments failing " + id.substring(4, 12), now,
                now.plusSeconds(8))));

        By row = By.cssSelector("tr[data-incident='" + id + "']");
        WebElement shown = waitFor(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(shown.findElement(By.className("next")).getText()).startsWith("due in");
        assertThat(shown.getText()).contains("SEV1", "investigating", "checkout");

        waitFor(ExpectedConditions.attributeContains(row, "class", "overdue"));
        assertThat(browser.findElement(row).findElement(By.className("next")).getText())
                .matches("⚠ Overdue: \\d+s late");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "update overdue"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage;"))
                .as("the page was not reloaded").isEqualTo(true);
        chromium.screenshot("dashboard-board");

        String calm = "web-" + UUID.randomUUID();
        publish(event(calm, 1, now, declared("Calm " + calm.substring(4, 12), now, now.plusSeconds(900))));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-incident='" + calm + "']")));
        browser.findElement(By.id("filter-overdue")).sendKeys(Keys.SPACE);
        assertThat(browser.findElements(By.cssSelector("tr[data-incident='" + calm + "']"))).isEmpty();
        assertThat(browser.findElements(row)).hasSize(1);
    }

    @Test
    void a_lost_connection_reconnects_and_catches_up_on_what_happened_meanwhile() throws Exception {
        awaitBody("/incidents", "[");
        try (CuttableProxy proxy = new CuttableProxy(RestAssured.port)) {
            TestStack.allowDashboardOrigin("http://127.0.0.1:" + proxy.port());
            WebDriver browser = chromium.driver;
            browser.get("http://127.0.0.1:" + proxy.port() + "/dashboard/");
            logInIfAsked("commander");
            waitFor(ExpectedConditions.textToBe(By.id("connection"), "Live"));

            proxy.cut();
            waitFor(ExpectedConditions.textToBe(By.id("connection"), "Reconnecting…"));
            String id = "web-" + UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publish(event(id, 1, now, declared("While away " + id.substring(4, 12), now, now.plusSeconds(900))));
            awaitBody("/incidents/" + id, id);
            proxy.restore();

            waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-incident='" + id + "']")));
            assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
        }
    }

    @Test
    void the_incident_view_opened_from_the_keyboard_shows_the_whole_timeline_and_the_rca() {
        String id = "web-" + UUID.randomUUID();
        String title = "Search slow " + id.substring(4, 12);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        publish(event(id, 1, t, declared(title, t, t.plusSeconds(900))),
                event(id, 2, t.plusSeconds(60), new UpdatePosted(IncidentStatus.IDENTIFIED, "Index node 3 is swapping",
                        Audience.INTERNAL, t.plusSeconds(900), 900L, List.of())),
                event(id, 3, t.plusSeconds(120), new UpdatePosted(IncidentStatus.MONITORING,
                        "Search is fast again; we are watching it.", Audience.PUBLIC, t.plusSeconds(1800), 900L, List.of())));
        WebDriver browser = open("/dashboard/");
        WebElement link = waitFor(ExpectedConditions.elementToBeClickable(By.linkText(title)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", link);
        By age = By.cssSelector("tr[data-incident='" + id + "'] .age");
        String ageBefore = browser.findElement(age).getText();
        waitFor(driver -> !driver.findElement(age).getText().equals(ageBefore));
        assertThat(browser.switchTo().activeElement()).as("the ticking board keeps the focus").isEqualTo(link);
        link.sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-timeline li"), 3));
        List<String> audiences = browser.findElements(By.cssSelector("#incident-timeline .audience")).stream()
                .map(WebElement::getText).toList();
        assertThat(audiences).containsExactly("PUBLIC", "INTERNAL", "PUBLIC");
        assertThat(browser.findElement(By.id("incident-timeline")).getText()).contains("Index node 3 is swapping");
        assertThat(browser.findElement(By.id("incident-state")).getText()).contains("monitoring", "alice");

        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(event(id, 4, resolvedAt, new IncidentResolved("Search works again.", resolvedAt.plus(Duration.ofDays(5)),
                "search-team", 432000L)));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-rca"), "Committed, due"));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-timeline li"), 4));
        chromium.screenshot("dashboard-incident");
    }

    @Test
    void a_burst_of_updates_to_the_open_incident_ends_on_the_last_one_without_a_reading_per_update() {
        String id = "web-" + UUID.randomUUID();
        String title = "Burst " + id.substring(4, 12);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        publish(event(id, 1, t, declared(title, t, t.plusSeconds(900))));
        WebDriver browser = open("/dashboard/#/incidents/" + id);
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-timeline li"), 1));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("performance.clearResourceTimings();");

        int updates = 20;
        publish(IntStream.rangeClosed(1, updates).mapToObj(n -> event(id, 1 + n,
                t.plusSeconds(n), new UpdatePosted(IncidentStatus.IDENTIFIED, "Finding " + n, Audience.INTERNAL,
                        t.plusSeconds(900 + n), 900L, List.of()))).toArray(IncidentEvent[]::new));

        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-timeline li"), 1 + updates));
        assertThat(browser.findElements(By.cssSelector("#incident-timeline .text")).getLast().getText())
                .isEqualTo("Finding " + updates);
        Number readings = (Number) page.executeScript("return performance.getEntriesByType('resource')"
                + ".filter((entry) => entry.name.endsWith('/timeline')).length;");
        assertThat(readings.intValue()).as("timeline readings for %d live updates", updates).isBetween(1, updates / 2);
    }

    @Test
    void open_corrective_actions_are_listed_oldest_due_first_and_each_incident_shows_how_its_actions_stand() {
        String id = "web-" + UUID.randomUUID();
        String title = "Queue stalled " + id.substring(4, 12);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        // Due before anything another test publishes, so these rows come first.
        Instant overdue = Instant.parse("2001-01-01T00:00:00Z");
        Instant later = Instant.parse("2001-01-02T00:00:00Z");
        publish(event(id, 1, t, declared(title, t, t.plusSeconds(900))),
                event(id, 2, t.plusSeconds(60), new IncidentResolved("Queue drains again.", t.plus(Duration.ofDays(5)),
                        "queue-team", 432000L)),
                event(id, 3, t.plusSeconds(120), new RcaPublished("A poison message", List.of(
                        new CorrectiveAction("CA-1", "Dead-letter poison messages", "queue-team", later),
                        new CorrectiveAction("CA-2", "Alert on consumer lag", "observability", overdue),
                        new CorrectiveAction("CA-3", "Replay tooling", "queue-team", t.plus(Duration.ofDays(30)))),
                        null)),
                event(id, 4, t.plusSeconds(180), new CorrectiveActionCompleted("CA-3", "https://git.example/pr/4",
                        t.plus(Duration.ofDays(30)))));

        WebDriver browser = open("/dashboard/#/actions");
        waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#open-actions tr[data-action^='" + id + "']"), 1));
        List<WebElement> rows = browser.findElements(By.cssSelector("#open-actions tr[data-action^='" + id + "']"));
        assertThat(rows).extracting(row -> row.getAttribute("data-action")).containsExactly(id + "/CA-2", id + "/CA-1");
        assertThat(rows.get(0).getText()).contains("Alert on consumer lag", "observability", title);
        chromium.screenshot("dashboard-corrective-actions");

        rows.get(0).findElement(By.linkText(title)).click();
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#incident-actions tbody tr"), 3));
        assertThat(browser.findElement(By.cssSelector("#incident-actions tr[data-action='CA-3']")).getText())
                .contains("done on time", "https://git.example/pr/4");
        assertThat(browser.findElement(By.cssSelector("#incident-actions tr[data-action='CA-2'] td.late")).getText())
                .isNotBlank();
    }

    @Test
    void the_communication_view_draws_a_chart_per_measure_with_its_figures() {
        WebDriver browser = open("/dashboard/#/report");
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#report-charts figure svg"), 4));
        List<String> captions = browser.findElements(By.cssSelector("#report-charts figcaption")).stream()
                .map(WebElement::getText).toList();
        assertThat(captions).containsExactly("Time to first public update (median, minutes)", "Promises kept (%)",
                "Lateness of late updates (p90, minutes)", "Corrective actions done on time (%)");
        assertThat(browser.findElements(By.cssSelector("#report-charts table")).get(0).getText()).contains("SEV1");
        chromium.screenshot("dashboard-communication");
    }

    @Test
    void the_public_page_shows_public_updates_and_the_promise_but_never_internal_words() {
        CatalogRecords.define("checkout", "Checkout", "Shop", 1, true);
        CatalogRecords.define("payments-api", "Payments API", "Shop", 2, true);
        CatalogRecords.define("accounts-web", "Sign-in", "Accounts", 1, true);
        CatalogRecords.define("ledger-db", PRIVATE_COMPONENT, null, 0, false);
        String open = "web-" + UUID.randomUUID();
        String openTitle = "Checkout errors " + open.substring(4, 12);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(300);
        Instant promised = t.plus(Duration.ofMinutes(30));
        IncidentDeclared declaredOnAPrivatePart = withCommander(declared(openTitle, t, t.plusSeconds(900)));
        declaredOnAPrivatePart.setComponents(List.of("checkout", "ledger-db"));
        publish(event(open, 1, t, declaredOnAPrivatePart),
                event(open, 2, t.plusSeconds(30), new UpdatePosted(IncidentStatus.INVESTIGATING,
                        INTERNAL + " db-7 restarted by hand", Audience.INTERNAL, t.plusSeconds(900), 900L, List.of())),
                event(open, 3, t.plusSeconds(40), new SeverityChanged(Severity.SEV1, Severity.SEV2,
                        INTERNAL + " reason", t.plusSeconds(900), 1800L)),
                event(open, 4, t.plusSeconds(50), new CustomerReportLinked(t, INTERNAL + "-channel", null)),
                event(open, 5, t.plusSeconds(60), new UpdatePosted(IncidentStatus.IDENTIFIED,
                        "We found the cause and are rolling back.", Audience.PUBLIC, promised, 1800L, List.of())));
        String past = "web-" + UUID.randomUUID();
        String pastTitle = "Login outage " + past.substring(4, 12);
        publish(event(past, 1, t, withCommander(declared(pastTitle, t, t.plusSeconds(900)))),
                event(past, 2, t.plusSeconds(120), new IncidentResolved("Logins work again.",
                        t.plus(Duration.ofDays(5)), COMMANDER, 432000L)),
                event(past, 3, t.plusSeconds(180), new RcaPublished("An expired certificate at our CDN",
                        List.of(new CorrectiveAction("CA-1", "Alert 30 days before any certificate expires", COMMANDER,
                                t.plus(Duration.ofDays(10)))),
                        new ThirdPartyCause("FastEdge", "missed renewal"))));

        WebDriver browser = open("/status/");
        WebElement current = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("incident-" + open)));
        assertThat(current.getText()).contains(openTitle, "We found the cause and are rolling back.",
                "Next update by", "impact major");
        WebElement history = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("incident-" + past)));
        assertThat(history.getText()).contains("Logins work again.", "An expired certificate at our CDN",
                "Alert 30 days before any certificate expires", "FastEdge", "Where our corrective actions stand");
        assertThat(history.findElement(By.cssSelector("li[data-action='CA-1']")).getText())
                .startsWith("Alert 30 days before any certificate expires — planned by");
        WebElement shop = groupOnPage(browser, "Shop");
        assertThat(shop.getAttribute("open")).as("a group with trouble opens itself").isNotNull();
        assertThat(shop.getText()).contains("Checkout", "outage", "Payments API");
        WebElement accounts = groupOnPage(browser, "Accounts");
        assertThat(accounts.getAttribute("open")).as("a group all well stays folded").isNull();
        assertThat(accounts.findElement(By.cssSelector("ul li")).isDisplayed()).isFalse();
        accounts.findElement(By.tagName("summary")).click();
        assertThat(accounts.findElement(By.cssSelector("ul li")).getText()).contains("Sign-in", "Operational");
        List<WebElement> signInDays = accounts.findElements(By.cssSelector("li[data-component='accounts-web'] .day"));
        assertThat(signInDays).hasSize(90).allSatisfy(day -> assertThat(day.getAttribute("title"))
                .endsWith(": no incidents"));
        List<WebElement> checkoutDays = shop.findElements(By.cssSelector("li[data-component='checkout'] .day"));
        assertThat(checkoutDays).hasSize(90);
        assertThat(checkoutDays.getLast().getAttribute("class")).contains("outage");
        assertThat(checkoutDays.getLast().getAttribute("title")).contains("outage").doesNotContain("no incidents");
        assertThat(shop.findElement(By.cssSelector("li[data-component='checkout'] .uptime-legend")).getText())
                .contains("90 days ago", "% uptime", "Today");
        chromium.screenshot("status-page");

        for (String text : List.of(browser.getPageSource(), get("/api/v2/summary.json"), get("/api/v2/incidents.json"),
                get("/history.atom"), get("/public/incidents"))) {
            assertThat(text).contains("We found the cause").doesNotContain(INTERNAL).doesNotContain(COMMANDER)
                    .doesNotContain("UPDATE_OVERDUE").doesNotContain(PRIVATE_COMPONENT).doesNotContain("ledger-db");
        }
    }

    @Test
    void the_public_page_shows_maintenance_under_way_and_upcoming_but_never_an_internal_window() {
        CatalogRecords.define("search-index", "Search index", "Platform", 1, true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String underWay = "mnt-" + UUID.randomUUID();
        String upcoming = "mnt-" + UUID.randomUUID();
        String quiet = "mnt-" + UUID.randomUUID();
        MaintenanceEvents.publish(
                MaintenanceEvents.event(underWay, 1, now.minusSeconds(600), MaintenanceEvents.scheduled(
                        "Reindex " + underWay.substring(4, 12), List.of("search-index"), now.minusSeconds(60),
                        now.plusSeconds(3600), Audience.PUBLIC)),
                MaintenanceEvents.event(underWay, 2, now.minusSeconds(30), new MaintenanceStarted(
                        "Reindexing has begun.")),
                MaintenanceEvents.event(upcoming, 1, now, MaintenanceEvents.scheduled(
                        "Upgrade " + upcoming.substring(4, 12), List.of("search-index"), now.plusSeconds(86400),
                        now.plusSeconds(90000), Audience.PUBLIC)),
                MaintenanceEvents.event(quiet, 1, now, MaintenanceEvents.scheduled(INTERNAL + " rotation",
                        List.of("search-index"), now.plusSeconds(7200), now.plusSeconds(9000), Audience.INTERNAL)));

        WebDriver browser = open("/status/");
        WebElement running = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("maintenance-" + underWay)));
        assertThat(running.getText()).contains("Reindex " + underWay.substring(4, 12), "In progress",
                "Search index", "Reindexing has begun.", "From");
        WebElement planned = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("maintenance-" + upcoming)));
        assertThat(planned.getText()).contains("Upgrade " + upcoming.substring(4, 12), "Scheduled");
        WebElement platform = groupOnPage(browser, "Platform");
        assertThat(platform.getAttribute("open")).as("a group under maintenance opens itself").isNotNull();
        assertThat(platform.getText()).contains("Search index", "Under maintenance");

        for (String text : List.of(browser.getPageSource(), get("/api/v2/summary.json"),
                get("/api/v2/scheduled-maintenances/upcoming.json"), get("/api/v2/scheduled-maintenances/active.json"),
                get("/history.atom"), get("/public/maintenances"))) {
            assertThat(text).doesNotContain(INTERNAL).doesNotContain(quiet);
        }
        assertThat(get("/api/v2/scheduled-maintenances/active.json")).contains(underWay).doesNotContain(upcoming);
        assertThat(get("/api/v2/scheduled-maintenances/upcoming.json")).contains(upcoming).doesNotContain(underWay);

        String onIt = "web-" + UUID.randomUUID();
        IncidentDeclared declaredOnSearch = declared("Search errors " + onIt.substring(4, 12), now,
                now.plusSeconds(900));
        declaredOnSearch.setComponents(List.of("search-index"));
        publish(event(onIt, 1, now, declaredOnSearch));
        open("/dashboard/");
        WebElement row = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-incident='" + onIt + "']")));
        waitFor(ExpectedConditions.textToBePresentInElement(row.findElement(By.className("components")),
                "under maintenance: Reindex " + underWay.substring(4, 12)));
        assertThat(chromium.driver.findElement(By.cssSelector("li[data-maintenance='" + underWay + "']")).getText())
                .contains("under way", "public", "search-index");
        assertThat(chromium.driver.findElement(By.cssSelector("li[data-maintenance='" + quiet + "']")).getText())
                .as("the team sees its internal windows").contains("planned", "internal");
    }

    @Test
    void the_atom_feed_and_the_statuspage_json_validate_against_their_formats() throws Exception {
        String id = "web-" + UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(event(id, 1, t, declared("Feed <check> & \"quotes\"", t, t.plusSeconds(900))));
        awaitBody("/history.atom", "Feed &lt;check");

        assertThat(FormatSchemas.atomErrors(get("/history.atom"))).isEmpty();
        assertThat(FormatSchemas.statuspageErrors("summary", get("/api/v2/summary.json"))).isEmpty();
        assertThat(FormatSchemas.statuspageErrors("incidents", get("/api/v2/incidents.json"))).isEmpty();
        assertThat(FormatSchemas.statuspageErrors("scheduledMaintenances",
                get("/api/v2/scheduled-maintenances/upcoming.json"))).isEmpty();
        assertThat(FormatSchemas.statuspageErrors("scheduledMaintenances",
                get("/api/v2/scheduled-maintenances/active.json"))).isEmpty();
        // The validators do reject what breaks the formats.
        assertThat(FormatSchemas.atomErrors(get("/history.atom").replaceFirst("<updated>[^<]*</updated>", ""))).isNotEmpty();
        assertThat(FormatSchemas.statuspageErrors("summary", get("/api/v2/summary.json")
                .replace("\"indicator\":\"", "\"indicator\":\"x"))).isNotEmpty();
        RestAssured.get("/history.atom").then().statusCode(200).contentType("application/atom+xml")
                .header("Cache-Control", "public, max-age=0");
    }

    @Test
    void both_pages_fit_a_phone_show_the_viewers_time_zone_and_pass_the_accessibility_and_content_rules() {
        String id = "web-" + UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(event(id, 1, t, declared("Phone check " + id.substring(4, 12), t, t.plusSeconds(900))));
        String late = "web-" + UUID.randomUUID();
        Instant longAgo = t.minus(Duration.ofDays(400));
        publish(event(late, 1, longAgo, declared("Long overdue on a small screen " + late.substring(4, 12), longAgo,
                longAgo.plusSeconds(900))));
        chromium.timeZone("Asia/Tokyo");
        try {
            for (String page : List.of("/dashboard/", "/status/")) {
                WebDriver browser = open(page);
                for (String shown : List.of(id, late)) {
                    waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                            page.equals("/status/") ? "#incident-" + shown : "tr[data-incident='" + shown + "']")));
                }
                assertThat(browser.findElement(By.id("viewer-zone")).getText()).isEqualTo("Asia/Tokyo");
                if (page.equals("/dashboard/")) {
                    assertThat(browser.findElement(By.cssSelector("tr[data-incident='" + late + "'] .next"))
                            .getText()).matches("⚠ Overdue: 399d 2[0-3]h late");
                }
                assertThat(chromium.seriousAccessibilityViolations()).as("axe on " + page).isEmpty();
                assertThat(chromium.contentSecurityViolations()).as("refused by the CSP on " + page).isEmpty();

                browser.manage().window().setSize(Chromium.PHONE);
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("sideways scrolling on " + page).isLessThanOrEqualTo(0);
                chromium.screenshot(page.replace("/", "") + "-phone");
                browser.manage().window().setSize(Chromium.DESKTOP);
            }
            WebElement time = chromium.driver.findElement(By.cssSelector("#incident-" + id + " time"));
            assertThat(time.getText()).contains("GMT+9");
        } finally {
            chromium.timeZone("UTC");
        }
    }

    private static IncidentDeclared withCommander(IncidentDeclared declared) {
        declared.setCommander(COMMANDER);
        return declared;
    }

    /** Opens a page of the projection; the dashboard signs in as commander unless the provider knows who it is. */
    private static WebDriver open(String path) {
        awaitBody("/incidents", "[");
        chromium.driver.get("http://127.0.0.1:" + RestAssured.port + path);
        if (path.startsWith("/dashboard/")) {
            logInIfAsked("commander");
        }
        return chromium.driver;
    }

    /** Waits until the dashboard has signed in, through the provider's login page if it shows. */
    private static WebElement groupOnPage(WebDriver browser, String name) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//ul[@id='components']//details[summary/span[1][normalize-space()='" + name + "']]")));
    }

    private static void logInIfAsked(String user) {
        waitFor(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")),
                ExpectedConditions.visibilityOfElementLocated(By.id("user-name"))));
        if (!chromium.driver.findElements(By.id("kc-login")).isEmpty()) {
            logIn(user);
        }
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
    }

    /** Fills in Keycloak's login page with the local realm's password of the user. */
    private static void logIn(String user) {
        WebDriver browser = chromium.driver;
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-local");
        browser.findElement(By.id("kc-login")).click();
    }

    /** Forgets the provider's session, as a browser that never signed in. */
    private static void signOutOfTheProvider() {
        chromium.clearCookies();
    }

    /** Waits for the condition; a timeout names the page the browser was on and what its console said. */
    private static <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(chromium.driver, PATIENCE);
        wait.withMessage(() -> "on " + chromium.driver.getCurrentUrl() + ", console: " + chromium.console());
        return wait.until(condition);
    }

    private static String get(String path) {
        return RestAssured.get(path).then().statusCode(200).extract().asString();
    }

    /** Until the projection answers the path with 200 and the text, for at most {@link #PATIENCE}. */
    private static void awaitBody(String path, String text) {
        Response response;
        try {
            response = ProjectionAnswers.awaitOk(() -> RestAssured.get(path),
                    answer -> answer.asString().contains(text), PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200 || !response.asString().contains(text)) {
            throw new AssertionError(path + " did not show '" + text + "' within " + PATIENCE);
        }
    }
}
