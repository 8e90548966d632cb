package dev.incidents.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A local Keycloak's database is kept across restarts, and dropped when the realm file it came from changed. */
class RealmImportTest {

    private static final byte[] REALM = "{\"realm\":\"incidents\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @Test
    void a_database_imported_from_the_same_realm_file_is_kept() throws IOException {
        givenDatabaseImportedFrom(REALM);

        IdentityProvider.forgetOutdatedRealm(data, REALM);

        assertThat(data.resolve("keycloak.mv.db")).exists();
    }

    @Test
    void a_database_imported_from_another_realm_file_is_deleted() throws IOException {
        givenDatabaseImportedFrom("{\"realm\":\"incidents\",\"clients\":[]}".getBytes(StandardCharsets.UTF_8));

        IdentityProvider.forgetOutdatedRealm(data, REALM);

        assertThat(data.resolve("keycloak.mv.db")).doesNotExist();
        assertThat(data.resolve("keycloak.trace.db")).doesNotExist();
    }

    @Test
    void a_first_start_has_nothing_to_delete() throws IOException {
        IdentityProvider.forgetOutdatedRealm(data, REALM);

        assertThat(data).isEmptyDirectory();
    }

    private void givenDatabaseImportedFrom(byte[] realm) throws IOException {
        Files.writeString(data.resolve("keycloak.mv.db"), "database");
        Files.writeString(data.resolve("keycloak.trace.db"), "trace");
        Files.writeString(data.resolve("imported-realm.sha256"), IdentityProvider.sha256(realm));
    }
}
