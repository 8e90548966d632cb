package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * incidentctl: a responder's terminal client. Commands go to incident-commands and reads to timeline-projection as
 * the person signed in with {@code login} (or the token in {@code INCIDENTS_TOKEN}); every refusal prints the
 * server's problem detail and exits with a code a script can test ({@link ExitCode}).
 */
@Command(name = "incidentctl", mixinStandardHelpOptions = true, version = "incidentctl 0.1.0",
        description = "Declare, update and resolve incidents, and follow them, from a terminal.",
        subcommands = {LoginCommand.class, DeclareCommand.class, UpdateCommand.class, SeverityCommand.class,
                ResolveCommand.class, RcaCommand.class, ListCommand.class, ShowCommand.class, TimelineCommand.class,
                WatchCommand.class, TemplatesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused by the server (a rule, a conflict, a stale version)",
                "2:the command line is wrong", "3:not signed in, or not allowed", "4:not found",
                "5:a service could not be reached, failed, or did not decide in time"})
public final class Incidentctl {

    /** How answers are printed. */
    enum Output { text, json }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--commands-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:INCIDENTS_COMMANDS_URL:-http://127.0.0.1:8080}",
            description = "incident-commands (env INCIDENTS_COMMANDS_URL; default ${DEFAULT-VALUE})")
    URI commandsUrl;

    @Option(names = "--projection-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:INCIDENTS_PROJECTION_URL:-http://127.0.0.1:8082}",
            description = "timeline-projection (env INCIDENTS_PROJECTION_URL; default ${DEFAULT-VALUE})")
    URI projectionUrl;

    @Option(names = "--issuer", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:INCIDENTS_ISSUER:-http://127.0.0.1:8180/realms/incidents}",
            description = "OpenID Connect issuer to sign in at (env INCIDENTS_ISSUER; default ${DEFAULT-VALUE})")
    URI issuer;

    @Option(names = "--client-id", scope = ScopeType.INHERIT, defaultValue = "${env:INCIDENTS_CLIENT_ID:-incidentctl}",
            description = "OpenID Connect client (default ${DEFAULT-VALUE})")
    String clientId;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, defaultValue = "text", paramLabel = "text|json",
            description = "text (for people) or json (for scripts: the server's answer as it is)")
    Output output;

    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.systemDefault();
    private HttpClient http;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with incidentctl's exit codes for refusals and unreachable services. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Incidentctl());
        line.setExecutionExceptionHandler((failure, failed, parsed) -> {
            Incidentctl root = failed.getCommandSpec().root().commandLine().getCommand();
            if (failure instanceof ProblemAnswer refused) {
                root.printProblem(refused, failed.getErr());
                return refused.exitCode().status();
            }
            if (failure instanceof IllegalArgumentException wrong) {
                failed.getErr().println("incidentctl: " + wrong.getMessage());
                failed.getErr().flush();
                return ExitCode.USAGE.status();
            }
            throw failure;
        });
        return line;
    }

    Api api() {
        return new Api(http(), endpoints(), signIn());
    }

    SignIn signIn() {
        String home = System.getProperty("user.home");
        String configured = System.getenv("INCIDENTS_CONFIG_DIR");
        Path directory = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(home, ".config", "incidentctl");
        return new SignIn(http(), endpoints(), directory.resolve("login.json"), System.getenv("INCIDENTS_TOKEN"),
                clock);
    }

    Clock clock() {
        return clock;
    }

    ZoneId zone() {
        return zone;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    boolean json() {
        return output == Output.json;
    }

    /** Prints an answer whole in JSON mode, else {@code text}. */
    void print(JsonNode answer, String text) {
        out().println(json() ? answer.toPrettyString() : text);
        out().flush();
    }

    private void printProblem(ProblemAnswer refused, PrintWriter err) {
        if (json()) {
            err.println(refused.problem().toPrettyString());
        } else {
            err.println("incidentctl: " + refused.getMessage());
        }
        err.flush();
    }

    private Endpoints endpoints() {
        return new Endpoints(commandsUrl, projectionUrl, issuer, clientId);
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }
}
