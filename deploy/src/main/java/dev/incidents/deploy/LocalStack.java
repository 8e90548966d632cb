package dev.incidents.deploy;

import java.nio.file.Files;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The whole system on one machine, in the foreground: a real Kafka broker, Apicurio Registry, provisioning, then the
 * services. Ctrl-C stops everything it started, last started first. Data stays in one folder for the next run.
 */
public final class LocalStack {

    /** Pushed by the starting threads (Keycloak, the registry, each service start on their own); popped by stop(). */
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
        // Keycloak takes longest to start: it starts beside the broker, the registry and the services.
        CompletableFuture<IdentityProvider> identityProvider = Background.start(() -> {
            IdentityProvider keycloak = IdentityProvider.start(settings.keycloakHome(),
                    settings.identityProviderPort(), settings.dataDir().resolve("keycloak"),
                    settings.logs().resolve("keycloak.log"));
            started.push(new Part("keycloak", keycloak::isAlive, keycloak));
            return keycloak;
        });
        try {
            StartedBackbone backbone = startBackbone();
            LocalMailbox mailbox = LocalMailbox.start(settings.smtpPort(), settings.dataDir().resolve("mail"),
                    LocalStack::say);
            started.push(mailbox);
            say("Mail server       " + mailbox.address() + "  (what the notifier mails is kept in "
                    + settings.dataDir().resolve("mail") + " and announced here with its links)");
            // The services need the identity provider only for a request's token: they start while Keycloak does.
            startServices(ServiceLauncher.all(settings), backbone,
                    IdentityProvider.issuerUrl(Host.LOOPBACK, settings.identityProviderPort()));
        } catch (Exception e) {
            // Let Keycloak finish starting, so that stop() finds it among the started parts.
            Background.settle(identityProvider);
            throw e;
        }
        IdentityProvider keycloak = Background.await(identityProvider);
        say("Identity provider " + keycloak.issuerUrl() + "  (Keycloak; admin console " + keycloak.baseUrl()
                + "/admin/, user " + IdentityProvider.ADMIN_USER + ", password " + IdentityProvider.ADMIN_PASSWORD
                + ")");
        String projection = "http://127.0.0.1:" + settings.projectionPort();
        keycloak.allowDashboardOrigin(projection);
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

    /** The broker and the registry start side by side (the registry keeps its data in a file of its own). */
    private StartedBackbone startBackbone() throws Exception {
        CompletableFuture<RegistryServer> starting = Background.start(() -> {
            RegistryServer registry = RegistryServer.start(settings.apicurioHome(), settings.registryPort(),
                    settings.dataDir().resolve("registry").resolve("registry"),
                    settings.logs().resolve("registry.log"));
            started.push(registry);
            return registry;
        });
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.controllerPort(), settings.logs().resolve("kafka.log"));
        } catch (Exception e) {
            Background.settle(starting);
            throw e;
        }
        started.push(kafka);
        say("Kafka broker      " + kafka.bootstrapServers());
        RegistryServer registry = Background.await(starting);
        say("Schema registry   " + registry.baseUrl() + "  (Confluent API: " + registry.confluentApiUrl() + ")");
        new Provisioner(kafka.bootstrapServers(), registry.confluentApiUrl())
                .provision(settings.partitions(), (short) 1);
        say("Topics and subjects provisioned");
        return new StartedBackbone(kafka.bootstrapServers(), registry.nativeApiUrl());
    }

    /**
     * The services start side by side (none needs another to start) and stop side by side; each is announced once
     * ready. One that does not start fails the stack once the others have finished starting.
     */
    private void startServices(List<ServiceLauncher> services, StartedBackbone backbone, String issuerUrl)
            throws Exception {
        List<Part> ready = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Part>> starting = services.stream().map(service -> Background.start(() -> {
            Part part = service.start(backbone.bootstrapServers(), backbone.registryUrl(), issuerUrl);
            ready.add(part);
            say(service.describe());
            return part;
        })).toList();
        try {
            Background.await(CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)));
        } finally {
            started.push(new Parts(List.copyOf(ready)));
        }
    }

    private void superviseUntilStopped(CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (AutoCloseable part : List.copyOf(started)) {
                List<Part> watched = switch (part) {
                    case Part one -> List.of(one);
                    case Parts several -> several.parts();
                    default -> List.of();
                };
                for (Part dead : watched.stream().filter(one -> !one.isAlive()).toList()) {
                    System.err.println(dead.name() + " stopped unexpectedly; see " + settings.logs()
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

    /** Parts that stop side by side. */
    record Parts(List<Part> parts) implements AutoCloseable {
        @Override
        public void close() {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Part part : parts) {
                    threads.execute(() -> {
                        try {
                            part.close();
                        } catch (Exception e) {
                            System.err.println("Could not stop " + part.name() + ": " + e.getMessage());
                        }
                    });
                }
            }
        }
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
