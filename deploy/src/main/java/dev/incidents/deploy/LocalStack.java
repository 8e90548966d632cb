package dev.incidents.deploy;

import java.nio.file.Files;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * The whole system on one machine, in the foreground: a real Kafka broker, Apicurio Registry, provisioning, then the
 * services. Ctrl-C stops everything it started, last started first. Data stays in one folder for the next run.
 */
public final class LocalStack {

    /** Pushed by the starting threads (Keycloak starts on one of its own), popped by stop(). */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final StackSettings settings;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment();
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.err.println("Logs: " + settings.logs().toAbsolutePath());
            System.exit(1);
        }
        stack.superviseUntilStopped(stopped);
    }

    private void start() throws Exception {
        Files.createDirectories(settings.logs());
        say("Data folder: " + settings.dataDir().toAbsolutePath() + " (kept across runs; delete it to start afresh)");
        // Keycloak takes longest to start: it starts beside the broker and the registry.
        CompletableFuture<IdentityProvider> identityProvider = IdentityProvider.startInBackground(
                settings.keycloakHome(), settings.identityProviderPort(), settings.dataDir().resolve("keycloak"),
                settings.logs().resolve("keycloak.log")).thenApply(keycloak -> {
                    started.push(new Part("keycloak", keycloak::isAlive, keycloak));
                    return keycloak;
                });
        StartedBackbone backbone;
        try {
            backbone = startBackbone();
        } catch (Exception e) {
            // Let Keycloak finish starting, so that stop() finds it among the started parts.
            identityProvider.exceptionally(failure -> null).join();
            throw e;
        }
        IdentityProvider keycloak = IdentityProvider.await(identityProvider);
        LocalMailbox mailbox = LocalMailbox.start(settings.smtpPort(), settings.dataDir().resolve("mail"),
                LocalStack::say);
        started.push(mailbox);
        say("Mail server       " + mailbox.address() + "  (what the notifier mails is kept in "
                + settings.dataDir().resolve("mail") + " and announced here with its links)");
        say("Identity provider " + keycloak.issuerUrl() + "  (Keycloak; admin console " + keycloak.baseUrl()
                + "/admin/, user " + IdentityProvider.ADMIN_USER + ", password " + IdentityProvider.ADMIN_PASSWORD
                + ")");
        String projection = "http://127.0.0.1:" + settings.projectionPort();
        keycloak.allowDashboardOrigin(projection);
        for (ServiceLauncher service : ServiceLauncher.all(settings)) {
            started.push(service.start(backbone.bootstrapServers(), backbone.registryUrl(), keycloak.issuerUrl()));
            say(service.describe());
        }
        say("Ops dashboard     " + projection + "/dashboard/  (sign in as commander, password commander-local)");
        say("Status page       " + projection + "/status/  (feed " + projection + "/history.atom, "
                + "Statuspage JSON " + projection + "/api/v2/summary.json)");
        say("Ready. Sign in as the commander: . deploy/token.sh; TOKEN=$(local_token commander)");
        say("Then try: curl -s -X POST " + "http://127.0.0.1:" + settings.commandsPort() + "/incidents "
                + "-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                + "-d '{\"title\":\"Checkout down\",\"severity\":\"SEV1\",\"summary\":\"Customers cannot pay\"}'");
        say("Or from a terminal: ./incidentctl/incidentctl login   (then: declare, update, list, watch; --help)");
        say("Press Ctrl-C to stop everything.");
    }

    /** Where the services find the broker and the registry. */
    private record StartedBackbone(String bootstrapServers, String registryUrl) {
    }

    private StartedBackbone startBackbone() throws Exception {
        KafkaBroker kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.controllerPort(), settings.logs().resolve("kafka.log"));
        started.push(kafka);
        say("Kafka broker      " + kafka.bootstrapServers());
        RegistryServer registry = RegistryServer.start(settings.apicurioHome(), settings.registryPort(),
                settings.dataDir().resolve("registry").resolve("registry"), settings.logs().resolve("registry.log"));
        started.push(registry);
        say("Schema registry   " + registry.baseUrl() + "  (Confluent API: " + registry.confluentApiUrl() + ")");
        new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl())
                .provision(settings.partitions(), (short) 1);
        say("Topics and subjects provisioned");
        return new StartedBackbone(kafka.bootstrapServers(), registry.nativeApiUrl());
    }

    private void superviseUntilStopped(CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (AutoCloseable part : List.copyOf(started)) {
                if (part instanceof Part watched && !watched.isAlive()) {
                    System.err.println(watched.name() + " stopped unexpectedly; see " + settings.logs()
                            + ". Stopping the stack.");
                    System.exit(1);
                }
            }
        }
    }

    private synchronized void stop() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e.getMessage());
            }
        }
        // a stop while starting: the part being started is not among the started ones yet
        for (String starting : ManagedProcess.closeAllRunning()) {
            say("Stopped " + starting + ", which was still starting");
        }
        say("Stopped.");
    }

    private static void say(String line) {
        System.out.println("[local-stack] " + line);
    }

    /** A started process that can die on its own: watched through {@code alive}, stopped by closing it. */
    record Part(String name, BooleanSupplier alive, AutoCloseable process) implements AutoCloseable {
        boolean isAlive() {
            return alive.getAsBoolean();
        }

        @Override
        public void close() throws Exception {
            process.close();
        }
    }

}
