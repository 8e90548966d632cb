package dev.incidents.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * incidentctl as a person or a script runs it: the built jar in its own JVM, with only the environment given (no
 * INCIDENTS_* of the test JVM's), its sign-in kept in a folder of its own.
 */
final class CliProcess {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment;

    CliProcess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The same settings with {@code name} set (or, with a null value, left out). */
    CliProcess with(String name, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new CliProcess(changed);
    }

    Run run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("incidentctl " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Started and left running (watch, login): the caller reads its output and ends it. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("incidentctl.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("INCIDENTS_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    static Path freshConfigDirectory() throws IOException {
        return Files.createTempDirectory("incidentctl-config");
    }
}
