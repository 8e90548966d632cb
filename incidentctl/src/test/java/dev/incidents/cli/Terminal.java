package dev.incidents.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A terminal a person types into: a detached tmux session of its own running one command, read with
 * {@code capture-pane} (with its colours when asked) and typed into with {@code send-keys}.
 */
final class Terminal implements AutoCloseable {

    private final String session;

    /** Starts {@code command} (run with exactly {@code environment}, plus PATH and HOME) in a 160x40 terminal. */
    Terminal(String name, Map<String, String> environment, List<String> command) throws IOException,
            InterruptedException {
        this.session = name + "-" + ProcessHandle.current().pid();
        List<String> line = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH"),
                "HOME=" + System.getProperty("user.home"), "TERM=xterm-256color", "TZ=UTC"));
        environment.forEach((key, value) -> line.add(key + "=" + value));
        line.addAll(command);
        tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", String.join(" ", line.stream()
                .map(Terminal::quoted).toList()) + "; echo EXIT=$?; sleep 600");
    }

    /** The screen's text once {@code shown} holds for it (30 s at most). */
    String await(Predicate<String> shown, boolean colours) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        String screen = screen(colours);
        while (!shown.test(screen)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("The terminal did not show what was expected; it shows:\n" + screen);
            }
            Thread.sleep(200);
            screen = screen(colours);
        }
        return screen;
    }

    void type(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    String screen(boolean colours) throws IOException, InterruptedException {
        return colours ? tmux("capture-pane", "-p", "-e", "-t", session) : tmux("capture-pane", "-p", "-t", session);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-session", "-t", session);
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
