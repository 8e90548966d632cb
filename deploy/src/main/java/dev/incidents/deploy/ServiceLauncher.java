package dev.incidents.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services the local stack starts, each from its built jar.
 *
 * @param settings beyond where the stack's parts are: what this service alone needs
 */
record ServiceLauncher(String name, Path jar, int port, StackSettings stack, List<String> settings) {

    /** The local stack's PagerDuty Events v2 integration, named {@code local}: its routing key. */
    static final String LOCAL_PAGERDUTY_ROUTING_KEY = "R0UT1NGKEYL0CALSTACK000000000000";
    private static final String LOCAL_PAGERDUTY_INTEGRATION = "incidents.integrations.pagerduty-routing-keys.local="
            + LOCAL_PAGERDUTY_ROUTING_KEY;

    static List<ServiceLauncher> all(StackSettings stack) throws IOException {
        List<String> notifierSettings = new ArrayList<>(NotifierKeys.settings(stack.dataDir()));
        notifierSettings.add(ServiceProcess.LOOPBACK_DELIVERIES);
        notifierSettings.add("incidents.email.public-url=http://127.0.0.1:" + stack.notifierPort());
        notifierSettings.add("quarkus.mailer.host=127.0.0.1");
        notifierSettings.add("quarkus.mailer.port=" + stack.smtpPort());
        notifierSettings.add("incidents.status-page.origins=http://127.0.0.1:" + stack.projectionPort());
        return List.of(
                new ServiceLauncher("incident-commands",
                        stack.repoRoot().resolve("incident-commands/target/quarkus-app/quarkus-run.jar"),
                        stack.commandsPort(), stack, List.of(LOCAL_PAGERDUTY_INTEGRATION,
                        "incidents.dashboard.origins=http://127.0.0.1:" + stack.projectionPort())),
                new ServiceLauncher("timeline-projection",
                        stack.repoRoot().resolve("timeline-projection/target/quarkus-app/quarkus-run.jar"),
                        stack.projectionPort(), stack, List.of(Tokens.PEER_SECRET_SETTING,
                        "incidents.dashboard.commands-url=http://127.0.0.1:" + stack.commandsPort(),
                        "incidents.status-page.subscriptions-url=http://127.0.0.1:" + stack.notifierPort()
                                + "/public/subscriptions")),
                new ServiceLauncher("notifier-service",
                        stack.repoRoot().resolve("notifier-service/target/quarkus-app/quarkus-run.jar"),
                        stack.notifierPort(), stack, List.copyOf(notifierSettings)));
    }

    /**
     * Started and ready, under the stable instance name {@code local} (one instance per service): a restart takes its
     * Kafka Streams partitions back at once.
     *
     * @param issuerUrl the identity provider whose tokens the service trusts
     */
    LocalStack.Part start(String bootstrapServers, String registryUrl, String issuerUrl)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(settings);
        all.add("quarkus.oidc.auth-server-url=" + issuerUrl);
        all.add("incidents.kafka.instance-id=local");
        Files.createDirectories(classDataArchive().getParent());
        ManagedProcess process = ServiceProcess.start(name, jar, port, bootstrapServers, registryUrl,
                stack.dataDir().resolve(name), stack.logs().resolve(name + ".log"), "512m",
                jvmOptions(), all.toArray(String[]::new));
        return new LocalStack.Part(name, process::isAlive, process);
    }

    /**
     * Start-up over peak speed, as Quarkus' dev mode chooses: the client compiler only (on two cores the optimizing
     * compiler's start-up work delays every other process), and a class-data archive of the classes a start loads,
     * written by the JVM when the service stops and rewritten when the build changes.
     */
    private List<String> jvmOptions() {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + classDataArchive());
    }

    private Path classDataArchive() {
        return stack.dataDir().resolve("class-data").resolve(name + ".jsa");
    }

    String describe() {
        String url = "http://127.0.0.1:" + port;
        return String.format("%-17s %s  (OpenAPI: %s/q/openapi, health: %s/q/health)", name, url, url, url);
    }
}
