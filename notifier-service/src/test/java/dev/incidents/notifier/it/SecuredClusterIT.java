package dev.incidents.notifier.it;

import dev.incidents.deploy.CertificateAuthority;
import dev.incidents.deploy.KafkaAcls;
import dev.incidents.deploy.KafkaBroker;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.deploy.NotifierKeys;
import dev.incidents.deploy.Provision;
import dev.incidents.deploy.Provisioner;
import dev.incidents.deploy.RegistryServer;
import dev.incidents.deploy.ScramOverTls;
import dev.incidents.deploy.ServiceProcess;
import dev.incidents.deploy.Tokens;
import dev.incidents.schemas.ServiceAccess;
import dev.incidents.testing.Await;
import dev.incidents.testing.TestStack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three services on a broker secured as production is (SASL SCRAM-SHA-512 over TLS, StandardAuthorizer with
 * nothing allowed without an ACL) and a registry that takes only HTTPS and bearer tokens, each service signed in as
 * its own Kafka user holding only the ACLs provisioning grants it, and as its own OAuth2 client at the registry: an
 * incident declared over HTTP reaches the projection and a subscribed webhook; and a service whose principal loses
 * an ACL is not ready, naming it, until it is granted again.
 */
class SecuredClusterIT {

    private static final List<ManagedProcess> STARTED = new ArrayList<>();
    private static CertificateAuthority authority;
    private static KafkaBroker kafka;
    private static RegistryServer registry;
    private static Provisioner provisioner;
    private static int commandsPort;
    private static int projectionPort;
    private static int notifierPort;

    @BeforeAll
    static void startSecuredClusterAndServices() throws Exception {
        TestStack.start();
        Path dir = Files.createTempDirectory("secured-cluster-it");
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        authority = CertificateAuthority.create(dir.resolve("tls"), "store-" + UUID.randomUUID());
        kafka = KafkaBroker.startSecured(dir.resolve("kafka"), ManagedProcess.freePort(), ManagedProcess.freePort(),
                logs.resolve("secured-kafka.log"), authority, password(KafkaBroker.ADMIN));
        registry = RegistryServer.startSecured(Path.of(System.getProperty("apicurio.home")),
                ManagedProcess.freePort(), logs.resolve("secured-registry.log"), authority, TestStack.issuerUrl());
        new Provision(provisioning()).run();
        provisioner = new Provisioner(kafka.adminSettings(), registry.confluentApiUrl());

        ScramOverTls security = kafka.security().orElseThrow();
        commandsPort = ManagedProcess.freePort();
        projectionPort = ManagedProcess.freePort();
        notifierPort = ManagedProcess.freePort();
        start(ServiceAccess.INCIDENT_COMMANDS_SERVICE, "commands.jar", commandsPort, security, dir, logs, List.of());
        start(ServiceAccess.TIMELINE_PROJECTION_SERVICE, "projection.jar", projectionPort, security, dir, logs,
                List.of(Tokens.PEER_SECRET_SETTING));
        List<String> notifier = new ArrayList<>(NotifierKeys.settings(dir.resolve("notifier-keys")));
        notifier.add(ServiceProcess.LOOPBACK_DELIVERIES);
        start(ServiceAccess.NOTIFIER_SERVICE, "service.jar", notifierPort, security, dir, logs, notifier);
    }

    @AfterAll
    static void stopAll() {
        STARTED.reversed().forEach(ManagedProcess::close);
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void a_declared_incident_reaches_the_projection_and_a_subscribed_webhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(NotifierFixtures.SECRET)) {
            as("notifier-admin", notifierPort).contentType(ContentType.JSON).body("{\"channel\":\"WEBHOOK\","
                            + "\"target\":\"" + receiver.url() + "\",\"audience\":\"PUBLIC\",\"locale\":\"en\","
                            + "\"timeZone\":\"UTC\",\"secrets\":[\"" + NotifierFixtures.SECRET + "\"]}")
                    .post("/subscriptions").then().statusCode(201);

            String delivered = NotifierFixtures.declareUntil(SecuredClusterIT::declare, incidentId -> receiver
                    .received().stream().anyMatch(hook -> hook.body().contains(incidentId)));

            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            Await.until("the projection showing " + delivered, Duration.ofSeconds(30),
                    () -> as("viewer", projectionPort).get("/incidents/" + delivered).statusCode(),
                    status -> status == 200);
            assertThat(as("viewer", projectionPort).get("/incidents/" + delivered).jsonPath().getString("title"))
                    .isEqualTo("Checkout down");
        }
    }

    @Test
    void the_registry_answers_only_over_tls_to_a_caller_with_a_token_and_lets_services_only_read() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(authority.sslContext()).build();
        HttpRequest.Builder subjects = HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/subjects"));

        assertThat(http.send(subjects.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        String serviceToken = TestStack.tokens().ofClient("notifier-service-registry");
        HttpResponse<String> signedIn = http.send(subjects.header("Authorization", "Bearer " + serviceToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("incident-events-value");
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(registry.confluentApiUrl()
                        + "/subjects/somebody-value/versions")).header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as("a service registering a schema").isEqualTo(403);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(subjects.build(),
                HttpResponse.BodyHandlers.ofString())).as("a client that does not trust the cluster's CA")
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_service_missing_an_acl_is_not_ready_and_names_it_until_the_acl_is_granted() throws Exception {
        AclBinding dlqWrite = KafkaAcls.of(ServiceAccess.NOTIFIER_SERVICE,
                        KafkaAcls.principal(ServiceAccess.NOTIFIER_SERVICE)).stream()
                .filter(acl -> acl.pattern().name().equals("notifier-dlq")).findFirst().orElseThrow();
        try (Admin admin = Admin.create(kafka.adminSettings())) {
            admin.deleteAcls(List.of(dlqWrite.toFilter())).all().get();
        }
        try {
            Await.until("the notifier not ready for want of WRITE on notifier-dlq", Duration.ofSeconds(30),
                    () -> RestAssured.given().port(notifierPort).get("/q/health/ready"),
                    ready -> ready.statusCode() == 503
                            && ready.body().asString().contains("WRITE on topic notifier-dlq"));
        } finally {
            provisioner.grant(List.of(dlqWrite));
        }
        Await.until("the notifier ready again", Duration.ofSeconds(30),
                () -> RestAssured.given().port(notifierPort).get("/q/health/ready").statusCode(),
                status -> status == 200);
    }

    /** What an operator writes in provision.properties for this cluster (README, "Running on a cluster"). */
    private static Properties provisioning() {
        Properties settings = new Properties();
        kafka.adminSettings().forEach((key, value) -> settings.setProperty("kafka." + key, String.valueOf(value)));
        settings.setProperty("topics.partitions", "2");
        settings.setProperty("topics.replication-factor", "1");
        ServiceAccess.values().forEach(access -> settings.setProperty("scram-password." + access.service(),
                password(access.service())));
        settings.setProperty("registry.url", registry.confluentApiUrl());
        settings.setProperty("registry.token-endpoint", TestStack.tokenUrl());
        settings.setProperty("registry.client-id", "incidents-provisioner");
        settings.setProperty("registry.client-secret", Tokens.localSecret("incidents-provisioner"));
        settings.setProperty("registry.truststore.location", authority.truststore().toString());
        settings.setProperty("registry.truststore.password", authority.password());
        return settings;
    }

    private static String declare() {
        return as("commander", commandsPort).contentType(ContentType.JSON)
                .body("{\"title\":\"Checkout down\",\"severity\":\"SEV1\",\"summary\":\"Customers cannot pay\"}")
                .post("/incidents").then().statusCode(201).extract().jsonPath().getString("incidentId");
    }

    private static RequestSpecification as(String user, int port) {
        return RestAssured.given().port(port).auth().oauth2(TestStack.tokens().of(user));
    }

    private static void start(ServiceAccess access, String jarProperty, int port, ScramOverTls security, Path dir,
                              Path logs, List<String> own) throws Exception {
        List<String> settings = new ArrayList<>(security.serviceSettings(access.service(),
                password(access.service())));
        settings.addAll(List.of("incidents.registry.truststore-location=" + authority.truststore().toAbsolutePath(),
                "incidents.registry.truststore-password=" + authority.password(),
                "incidents.registry.truststore-type=PKCS12",
                "incidents.registry.token-endpoint=" + TestStack.tokenUrl(),
                "incidents.registry.client-id=" + access.service() + "-registry",
                "incidents.registry.client-secret=" + Tokens.localSecret(access.service() + "-registry")));
        settings.add(TestStack.identitySetting());
        settings.add("incidents.kafka.access-check-interval=1s");
        settings.addAll(own);
        STARTED.add(ServiceProcess.start(access.service(), Path.of(System.getProperty(jarProperty)), port,
                kafka.bootstrapServers(), registry.nativeApiUrl(), dir.resolve(access.service()),
                logs.resolve("secured-" + access.service() + ".log"), "384m", settings.toArray(String[]::new)));
    }

    private static String password(String user) {
        return user + "-" + UUID.nameUUIDFromBytes(user.getBytes());
    }
}
