package dev.incidents.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child JVM or server this tooling started and must stop: readiness polling and a graceful, then forced, stop.
 * Every one started and not yet closed is known ({@link #closeAllRunning}), so that a stop that comes while one is
 * still starting, before its launcher has it, stops that one too.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Set<ManagedProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Chosen ports start here, above the well-known services' ports. */
    private static final int FIRST_CHOSEN_PORT = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final SecureRandom PORTS = new SecureRandom();

    private final String name;
    private final Process process;

    private ManagedProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts the command in a session of its own where setsid exists, so a Ctrl-C reaches only the launcher, which
     * then stops its children in order (services before the broker they write to).
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        return start(name, command, Map.of(), workDir, log);
    }

    /** As {@link #start(String, List, Path, Path)}, with these variables added to the child's environment. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workDir, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ManagedProcess started = new ManagedProcess(name, builder.start());
        RUNNING.add(started);
        return started;
    }

    /** Stops every process started here and not closed yet, such as one still starting; the names of those stopped. */
    public static List<String> closeAllRunning() {
        List<String> stopped = new ArrayList<>();
        for (ManagedProcess process : List.copyOf(RUNNING)) {
            process.close();
            stopped.add(process.name);
        }
        return stopped;
    }

    /** A loopback port free right now, for a server about to be started. */
    /**
     * A port free now, for a process to bind later. It is taken below the kernel's ephemeral range: a port the
     * kernel handed out for a bind to port 0 could be handed out again to anything binding port 0 meanwhile (a test
     * broker starting beside a Keycloak that binds its port 30 s later did exactly that), a port below the range
     * never is. Each port is handed out once per JVM.
     */
    public static int freePort() throws IOException {
        int below = ephemeralRangeStart();
        for (int attempt = 0; below > FIRST_CHOSEN_PORT && attempt < 200; attempt++) {
            int candidate = FIRST_CHOSEN_PORT + PORTS.nextInt(below - FIRST_CHOSEN_PORT);
            if (HANDED_OUT.add(candidate) && bindable(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range, or 0 where it cannot be read (then ports come from the kernel). */
    private static int ephemeralRangeStart() {
        try {
            // readAllLines: readString trusts the size /proc reports and reads a single byte
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public void awaitReady(BooleanSupplier ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout);
    }

    public static boolean answers200(String url) {
        return answers200(HTTP, url);
    }

    /** As {@link #answers200(String)}, through {@code http} (one that trusts a server's private certificate). */
    public static boolean answers200(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** The process id: the program's own, since setsid runs it in place rather than as a child. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, as a crash would (SIGKILL): no shutdown hooks, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
