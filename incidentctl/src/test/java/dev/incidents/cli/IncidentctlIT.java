package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.testing.ApiCalls;
import dev.incidents.testing.Chromium;
import dev.incidents.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * incidentctl against the packaged command service and projection on the test stack's broker, registry and
 * Keycloak, run as a script would: a commander's whole incident (declare, a promise refused with the server's
 * problem, an update, severity, resolve with the RCA commitment, the RCA), the reads, the live stream, and the exit
 * codes a script tests.
 */
class IncidentctlIT {

    static ManagedProcess commands;
    static ManagedProcess projection;
    static CliProcess commander;

    @BeforeAll
    static void startServices() throws Exception {
        TestStack.start();
        Path state = Files.createTempDirectory("incidentctl-it");
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        int commandsPort = ManagedProcess.freePort();
        int projectionPort = ManagedProcess.freePort();
        commands = ServiceProcess.start("incident-commands", Path.of(System.getProperty("commands.jar")),
                commandsPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("commands"),
                logs.resolve("cli-commands.log"), "384m", TestStack.identitySetting());
        projection = ServiceProcess.start("timeline-projection", Path.of(System.getProperty("projection.jar")),
                projectionPort, TestStack.bootstrapServers(), TestStack.nativeApiUrl(), state.resolve("projection"),
                logs.resolve("cli-projection.log"), "384m", TestStack.identitySetting(), Tokens.PEER_SECRET_SETTING);
        commander = new CliProcess(Map.of(
                "INCIDENTS_COMMANDS_URL", "http://127.0.0.1:" + commandsPort,
                "INCIDENTS_PROJECTION_URL", "http://127.0.0.1:" + projectionPort,
                "INCIDENTS_ISSUER", TestStack.issuerUrl(),
                "INCIDENTS_CONFIG_DIR", CliProcess.freshConfigDirectory().toString(),
                "INCIDENTS_TOKEN", TestStack.tokens().of("commander")));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ManagedProcess process : new ManagedProcess[] {projection, commands}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void a_commander_runs_a_whole_incident_from_the_command_line() throws Exception {
        String title = "Checkout failing " + UUID.randomUUID().toString().substring(0, 8);
        String template = "still-on-it-" + UUID.randomUUID().toString().substring(0, 8);
        CliProcess.Run declared = commander.run("declare", "--title", title, "--severity", "SEV1", "--summary",
                "Customers cannot pay", "-o", "json");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        String id = Json.MAPPER.readTree(declared.out()).path("incidentId").asText();
        assertThat(id).isNotBlank();
        awaitProjected(id);

        CliProcess.Run unpromised = commander.run("update", id, "--message", "Rolling back");
        assertThat(unpromised.exitCode()).as("a script must say when the next update comes").isEqualTo(2);
        assertThat(unpromised.err()).contains("give --next-update-at (latest allowed ");

        CliProcess.Run tooLate = commander.run("update", id, "--message", "Rolling back", "--next-update-at", "+2h");
        assertThat(tooLate.exitCode()).as("refused by the server").isEqualTo(1);
        assertThat(tooLate.err()).startsWith("incidentctl: ").contains("no later than")
                .contains("[field nextUpdateAt]");
        CliProcess.Run tooLateJson = commander.run("update", id, "--message", "Rolling back", "--next-update-at",
                "+2h", "-o", "json");
        assertThat(Json.MAPPER.readTree(tooLateJson.err()).path("field").asText()).isEqualTo("nextUpdateAt");

        CliProcess.Run updated = commander.run("update", id, "--message", "Rolling back the deploy", "--status",
                "IDENTIFIED", "--next-update-at", "+10m");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.out()).startsWith("Update posted to " + id + "; next public update due by ");
        ApiCalls.put(commander.environment().get("INCIDENTS_COMMANDS_URL") + "/templates/" + template, "commander",
                "{\"kind\": \"UPDATE\", \"name\": \"Still on it\", \"status\": \"MONITORING\", \"defaultLanguage\": "
                        + "\"en\", \"texts\": {\"en\": {\"message\": \"Still on it: {title} ({component}). "
                        + "Next update by {nextUpdateAt}.\"}}}");
        assertThat(commander.run("templates", "--kind", "UPDATE").out()).contains(template).contains("Still on it");
        CliProcess.Run unfilled = commander.run("update", id, "--template", template, "--next-update-at", "+12m");
        assertThat(unfilled.exitCode()).as("the incident names no component").isEqualTo(2);
        assertThat(unfilled.err()).contains("leaves component unfilled: give it with --value component=...");
        CliProcess.Run templated = commander.run("update", id, "--template", template, "--value",
                "component=Checkout", "--next-update-at", "+12m");
        assertThat(templated.exitCode()).as(templated.err()).isZero();
        assertThat(commander.run("severity", id, "SEV2", "--reason", "Only card payments fail").exitCode()).isZero();

        CliProcess.Run resolved = commander.run("resolve", id, "--message", "Payments work again", "--rca-owner",
                "platform-team");
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        assertThat(resolved.out()).contains("the RCA is due by").contains("(platform-team)");
        CliProcess.Run rca = commander.run("rca", id, "--root-cause", "A deploy removed a timeout",
                "--action", "Check timeouts in the pipeline;platform-team;+14d",
                "--action", "Alert on payment errors;payments-team;+7d");
        assertThat(rca.exitCode()).as(rca.err()).isZero();
        assertThat(rca.out()).isEqualTo("RCA published for " + id + " with 2 corrective actions\n");

        JsonNode shown = awaitJson(id, incident -> incident.path("rcaPublishedAt").isTextual());
        assertThat(shown.path("severity").asText()).isEqualTo("SEV2");
        assertThat(shown.path("correctiveActions")).hasSize(2);
        CliProcess.Run text = commander.run("show", id);
        assertThat(text.out()).contains("SEV2  " + title).contains("[open] Alert on payment errors (payments-team)");
        CliProcess.Run timeline = commander.run("timeline", id);
        assertThat(timeline.out()).contains("PUBLIC", "UpdatePosted", "Rolling back the deploy", "INTERNAL")
                .containsPattern("Still on it: " + title + " \\(Checkout\\)\\. Next update by \\d\\d:\\d\\d UTC\\.");
        assertThat(commander.run("list", "--all").out()).contains(id);
        assertThat(commander.run("list").out()).doesNotContain(id);
    }

    @Test
    void scripts_tell_not_found_not_allowed_and_unreachable_apart_by_exit_code() throws Exception {
        CliProcess.Run unknown = commander.run("show", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).startsWith("incidentctl: ");

        CliProcess.Run viewer = commander.with("INCIDENTS_TOKEN", TestStack.tokens().of("viewer"))
                .run("declare", "--title", "Not mine to declare", "--severity", "SEV3", "--summary", "x");
        assertThat(viewer.exitCode()).isEqualTo(3);

        CliProcess.Run nobody = commander.with("INCIDENTS_TOKEN", null).run("list");
        assertThat(nobody.exitCode()).isEqualTo(3);
        assertThat(nobody.err()).contains("Not signed in: run incidentctl login, or set INCIDENTS_TOKEN.");

        CliProcess.Run away = commander
                .with("INCIDENTS_PROJECTION_URL", "http://127.0.0.1:" + ManagedProcess.freePort())
                .run("list");
        assertThat(away.exitCode()).isEqualTo(5);
        assertThat(away.err()).contains("Could not reach http://127.0.0.1:");

        CliProcess.Run wrong = commander.run("update", "some-id", "--message", "m", "--next-update-at", "soonish");
        assertThat(wrong.exitCode()).isEqualTo(2);
    }

    @Test
    void watch_prints_each_change_of_the_live_stream_as_a_line_of_json() throws Exception {
        Process watch = commander.start("watch", "-o", "json", "--for", "PT60S");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(Json.MAPPER.readTree(lines.readLine()).path("event").asText()).isEqualTo("ready");
            CliProcess.Run declared = commander.run("declare", "--title", "Search slow", "--severity", "SEV3",
                    "--summary", "Results take seconds", "-o", "json");
            String id = Json.MAPPER.readTree(declared.out()).path("incidentId").asText();
            JsonNode change;
            do {
                change = Json.MAPPER.readTree(lines.readLine());
            } while (!id.equals(change.path("data").path("incidentId").asText()));
            assertThat(change.path("event").asText()).isEqualTo("state");
            assertThat(change.path("data").path("title").asText()).isEqualTo("Search slow");
        } finally {
            watch.destroy();
        }
    }

    @Test
    void in_a_terminal_update_asks_for_the_promise_and_watch_shows_a_broken_one_in_red() throws Exception {
        String launcher = Path.of("incidentctl").toAbsolutePath().toString();
        CliProcess.Run declared = commander.run("declare", "--title", "Login slow", "--severity", "SEV2",
                "--summary", "Signing in takes a minute", "-o", "json");
        String id = Json.MAPPER.readTree(declared.out()).path("incidentId").asText();
        awaitProjected(id);

        try (Terminal terminal = new Terminal("incidentctl-update", commander.environment(),
                List.of(launcher, "update", id, "--message", "Looking into it"))) {
            String prompt = terminal.await(screen -> screen.contains("Next update by ("), false);
            assertThat(prompt).containsPattern(
                    "Next update by \\(latest allowed .+ UTC, in \\d+m \\d\\ds; Enter takes it\\):");
            terminal.type("Enter");
            String done = terminal.await(screen -> screen.contains("EXIT="), false);
            assertThat(done).contains("Update posted to " + id + "; next public update due by ").contains("EXIT=0");
        }

        String soon = Instant.now().plusSeconds(20).toString();
        assertThat(commander.run("update", id, "--message", "Restarting the login service", "--next-update-at", soon)
                .exitCode()).isZero();
        try (Terminal watch = new Terminal("incidentctl-watch", commander.environment(), List.of(launcher, "watch"))) {
            String counting = watch.await(screen -> screen.lines().anyMatch(line -> line.contains(id)
                    && line.contains("due in ")), false);
            assertThat(counting).contains("incidentctl watch").contains("NEXT UPDATE");
            String late = watch.await(screen -> screen.lines().anyMatch(line -> line.contains(id)
                    && line.contains("OVERDUE")), true);
            String line = late.lines().filter(shown -> shown.contains(id)).findFirst().orElseThrow();
            assertThat(line.indexOf("\u001b[31m")).as("the overdue incident's line, in red: " + line)
                    .isNotNegative().isLessThan(line.indexOf(id));
        }
    }

    @Test
    void a_person_signs_in_with_a_link_and_a_code_and_the_sign_in_is_kept_for_the_next_commands() throws Exception {
        Path config = CliProcess.freshConfigDirectory();
        CliProcess person = commander.with("INCIDENTS_TOKEN", null).with("INCIDENTS_CONFIG_DIR", config.toString());
        Process login = person.start("login");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(login.getInputStream(),
                StandardCharsets.UTF_8)); Chromium chromium = new Chromium()) {
            String open = lines.readLine();
            assertThat(open).startsWith("To sign in, open " + TestStack.issuerUrl() + "/device");
            assertThat(lines.readLine()).matches("and confirm the code [A-Z]{4}-[A-Z]{4}\\.");

            chromium.driver.get(open.substring("To sign in, open ".length()));
            WebDriverWait wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(30));
            wait.withMessage(() -> "on " + chromium.driver.getCurrentUrl() + ", showing: "
                    + chromium.driver.findElement(By.tagName("body")).getText());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("commander");
            chromium.driver.findElement(By.id("password")).sendKeys("commander-local");
            chromium.driver.findElement(By.id("kc-login")).click();
            // Keycloak asks the person to grant the terminal access, then says the device is signed in
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[name=accept]"))).click();
            CompletableFuture<String> signedIn = CompletableFuture.supplyAsync(() -> readLine(lines));
            assertThat(signedIn.get(30, TimeUnit.SECONDS)).isEqualTo("Signed in as commander.");
            assertThat(login.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(login.exitValue()).isZero();
        } finally {
            login.destroy();
        }

        assertThat(person.run("list").exitCode()).as("signed in from the stored tokens").isZero();
        assertThat(Files.getPosixFilePermissions(config.resolve("login.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(person.run("login", "--forget").out()).isEqualTo("Signed out.\n");
        assertThat(person.run("list").exitCode()).isEqualTo(3);
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitProjected(String id) throws Exception {
        awaitJson(id, incident -> true);
    }

    /** The incident as the projection answers once {@code done} holds (it follows the events within moments). */
    private static JsonNode awaitJson(String id, java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            CliProcess.Run shown = commander.run("show", id, "-o", "json");
            if (shown.exitCode() == 0 && done.test(Json.MAPPER.readTree(shown.out()))) {
                return Json.MAPPER.readTree(shown.out());
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("incident " + id + " not as expected in time: " + shown);
            }
        }
    }
}
