package dev.incidents.deploy;

import dev.incidents.schemas.ServiceAccess;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Provisions a real cluster from one properties file ({@code deploy/provision.sh FILE}): the topics with their
 * settings, the services' SCRAM users and ACLs, and the released schemas with their compatibility modes. Every step
 * is safe to run again. The keys:
 * <ul>
 *   <li>{@code kafka.*}: the admin client's settings ({@code kafka.bootstrap.servers}, {@code kafka.security.protocol},
 *   {@code kafka.sasl.jaas.config}, {@code kafka.ssl.truststore.location}, ...), for a principal that may create
 *   topics, users and ACLs;</li>
 *   <li>{@code topics.partitions} (6), {@code topics.replication-factor} (3);</li>
 *   <li>{@code acls} ({@code true}): grant each service its ACLs; {@code principal.<service>} overrides
 *   {@code User:<service>};</li>
 *   <li>{@code scram-password.<service>}: create or update that service's SCRAM-SHA-512 user (Strimzi's user
 *   operator does this on Kubernetes);</li>
 *   <li>{@code registry.url}: the registry's Confluent-compatible API ({@code .../apis/ccompat/v7}); when the registry
 *   is secured, {@code registry.token-endpoint}, {@code registry.client-id}, {@code registry.client-secret} (OAuth2
 *   client credentials) and {@code registry.truststore.location}, {@code .password}, {@code .type} (PKCS12).</li>
 * </ul>
 */
public final class Provision {

    private final Properties settings;

    public Provision(Properties settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("Usage: deploy/provision.sh provision.properties");
            System.exit(2);
        }
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            settings.load(in);
        }
        new Provision(settings).run();
    }

    public void run() throws IOException, InterruptedException {
        Provisioner provisioner = new Provisioner(adminSettings(), registry());
        provisioner.createTopics(Integer.parseInt(settings.getProperty("topics.partitions", "6")),
                Short.parseShort(settings.getProperty("topics.replication-factor", "3")));
        say("Topics created or brought up to date");
        Map<String, String> passwords = scramPasswords();
        if (!passwords.isEmpty()) {
            provisioner.upsertScramUsers(passwords);
            say("SCRAM-SHA-512 users created or updated: " + String.join(", ", passwords.keySet()));
        }
        if (Boolean.parseBoolean(settings.getProperty("acls", "true"))) {
            Map<ServiceAccess, String> principals = new LinkedHashMap<>();
            ServiceAccess.values().forEach(access -> principals.put(access, settings.getProperty(
                    "principal." + access.service(), KafkaAcls.principal(access))));
            provisioner.grantAccess(principals);
            say("ACLs granted to " + String.join(", ", principals.values()));
        }
        if (settings.containsKey("registry.url")) {
            provisioner.registerSchemas();
            say("Released schemas registered at " + settings.getProperty("registry.url"));
        }
    }

    private Map<String, Object> adminSettings() {
        Map<String, Object> admin = new HashMap<>();
        settings.stringPropertyNames().stream().filter(key -> key.startsWith("kafka."))
                .forEach(key -> admin.put(key.substring("kafka.".length()), settings.getProperty(key)));
        if (!admin.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("No kafka.bootstrap.servers in the provisioning settings");
        }
        return admin;
    }

    private Map<String, String> scramPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        ServiceAccess.values().forEach(access -> Optional.ofNullable(settings.getProperty(
                "scram-password." + access.service())).ifPresent(password -> passwords.put(access.service(),
                password)));
        return passwords;
    }

    private RegistryEndpoint registry() {
        String url = settings.getProperty("registry.url", "http://127.0.0.1:9/no-registry-configured");
        HttpClient.Builder http = HttpClient.newBuilder();
        Optional.ofNullable(settings.getProperty("registry.truststore.location")).ifPresent(truststore ->
                http.sslContext(CertificateAuthority.trusting(Path.of(truststore),
                        settings.getProperty("registry.truststore.password", ""),
                        settings.getProperty("registry.truststore.type", "PKCS12"))));
        Supplier<Optional<String>> token = Optional::empty;
        String tokenEndpoint = settings.getProperty("registry.token-endpoint");
        if (tokenEndpoint != null) {
            String clientId = required("registry.client-id");
            String secret = required("registry.client-secret");
            token = () -> Optional.of(Tokens.clientCredentials(tokenEndpoint, clientId, secret));
        }
        return new RegistryEndpoint(url, http.build(), token);
    }

    private String required(String key) {
        String value = settings.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("No " + key + " in the provisioning settings");
        }
        return value;
    }

    private static void say(String line) {
        System.out.println("[provision] " + line);
    }
}
