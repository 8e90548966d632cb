package dev.incidents.deploy;

import dev.incidents.schemas.ServiceAccess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAclsTest {

    @Test
    void the_readme_lists_each_services_acls_as_provisioning_grants_them() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (ServiceAccess access : ServiceAccess.values()) {
            assertThat(readme).as("README row of %s", access.service()).contains(KafkaAcls.readmeRow(access));
        }
    }

    @Test
    void no_acl_is_granted_on_a_wildcard_or_the_cluster() {
        ServiceAccess.values().forEach(access -> assertThat(KafkaAcls.of(access, KafkaAcls.principal(access)))
                .allSatisfy(acl -> {
                    assertThat(acl.pattern().name()).isNotEqualTo("*").isNotEqualTo("kafka-cluster");
                    assertThat(acl.entry().principal()).isEqualTo("User:" + access.service());
                }));
    }
}
