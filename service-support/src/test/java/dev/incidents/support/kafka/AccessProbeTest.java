package dev.incidents.support.kafka;

import dev.incidents.deploy.KafkaAcls;
import dev.incidents.deploy.KafkaBroker;
import dev.incidents.deploy.Provisioner;
import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe on a broker that authorizes every request (SCRAM over TLS, StandardAuthorizer, nothing allowed without
 * an ACL): a principal granted all its service needs misses nothing; one granted part of it is told exactly which
 * operation on which topic, group or transactional id it lacks.
 */
class AccessProbeTest {

    private static final ServiceAccess NOTIFIER = ServiceAccess.NOTIFIER_SERVICE;
    private static final String PASSWORD = "probe-secret";
    private static KafkaBroker kafka;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        kafka = KafkaBroker.startSecured(Files.createTempDirectory("access-probe"),
                Files.createDirectories(Path.of("target")).resolve("access-probe-kafka.log"), PASSWORD);
        Provisioner provisioner = new Provisioner(kafka.adminSettings(), "http://127.0.0.1:9/unused");
        provisioner.createTopics(1, (short) 1);
        provisioner.upsertScramUsers(Map.of("complete", PASSWORD, "partial", PASSWORD));
        provisioner.grant(KafkaAcls.of(NOTIFIER, "User:complete"));
        provisioner.grant(KafkaAcls.of(NOTIFIER, "User:partial").stream()
                .filter(Predicate.not(AccessProbeTest::withheldFromPartial)).toList());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void a_principal_granted_what_its_service_needs_misses_nothing() throws Exception {
        assertThat(probeAs("complete")).isEmpty();
    }

    @Test
    void a_principal_missing_acls_is_told_each_operation_and_resource() throws Exception {
        assertThat(probeAs("partial")).containsExactlyInAnyOrder("WRITE on topic notifier-outbox",
                "READ on topic notifier-deliveries", "WRITE on topic notifier-deliveries",
                "READ on group notifier-dispatcher", "WRITE on transactional ids starting with notifier-planner");
    }

    /** Write on notifier-outbox, everything on notifier-deliveries, the dispatcher's group, the transactional ids. */
    private static boolean withheldFromPartial(AclBinding acl) {
        String name = acl.pattern().name();
        return (name.equals("notifier-outbox") && acl.entry().operation() == AclOperation.WRITE)
                || name.equals("notifier-deliveries") || name.equals("notifier-dispatcher")
                || acl.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID;
    }

    private static List<String> probeAs(String user) throws Exception {
        try (Admin admin = Admin.create(kafka.clientSettings(user, PASSWORD))) {
            return new AccessProbe(admin, Duration.ofSeconds(10)).missing(NOTIFIER);
        }
    }
}
