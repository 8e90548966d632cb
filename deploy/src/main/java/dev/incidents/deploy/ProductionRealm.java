package dev.incidents.deploy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The realm Keycloak imports on Kubernetes, made from the local stack's realm so that roles, clients, audiences and
 * service accounts are written once. It is the local realm less what only a laptop should have: its people (with
 * their local passwords) and any client that takes passwords directly (the local CLI's password grant). Every
 * machine client's secret and the dashboard's address become Keycloak placeholders ({@code ${VARIABLE}}, resolved
 * from the environment at import), which the Keycloak Deployment fills from Secrets and the identity ConfigMap.
 * {@code main} writes it under {@code deploy/kubernetes/base/keycloak}; a test fails when the file there differs.
 */
public final class ProductionRealm {

    /** The environment variable holding the dashboard's origin, such as {@code https://ops.example.com}. */
    public static final String DASHBOARD_URL = "INCIDENTS_DASHBOARD_URL";
    /** Where the realm file lives, relative to the Kustomize base. */
    public static final String FILE = "keycloak/incidents-realm.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductionRealm() {
    }

    /** Writes the realm file into {@code args[0]} (deploy/kubernetes/base). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "deploy/kubernetes/base").resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json());
    }

    /** The production realm as the JSON Keycloak imports. */
    public static String json() {
        ObjectNode realm = localRealm();
        realm.put("displayName", "Incident timeline");
        realm.put("sslRequired", "external");
        removeIf((ArrayNode) realm.get("users"), user -> !user.has("serviceAccountClientId"));
        ArrayNode clients = (ArrayNode) realm.get("clients");
        removeIf(clients, client -> client.path("directAccessGrantsEnabled").asBoolean(false));
        for (JsonNode client : clients) {
            ObjectNode settings = (ObjectNode) client;
            if (settings.has("secret")) {
                settings.put("secret", placeholder(secretVariable(client.path("clientId").asText())));
            }
            if (client.path("clientId").asText().equals(IdentityProvider.DASHBOARD_CLIENT)) {
                settings.putArray("redirectUris").add(placeholder(DASHBOARD_URL) + "/*");
                settings.putArray("webOrigins").add(placeholder(DASHBOARD_URL));
            }
        }
        return write(realm);
    }

    /** The environment variable holding machine client {@code clientId}'s secret: CLIENT_SECRET_INCIDENT_EMITTER. */
    public static String secretVariable(String clientId) {
        return "CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The ids of the machine clients (those with a secret), in the realm's order. */
    public static List<String> machineClients() {
        List<String> ids = new ArrayList<>();
        localRealm().path("clients").forEach(client -> {
            if (client.has("secret")) {
                ids.add(client.path("clientId").asText());
            }
        });
        return ids;
    }

    private static String placeholder(String variable) {
        return "${" + variable + "}";
    }

    private static void removeIf(ArrayNode items, Predicate<JsonNode> condition) {
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
            if (condition.test(it.next())) {
                it.remove();
            }
        }
    }

    private static ObjectNode localRealm() {
        try {
            return (ObjectNode) JSON.readTree(IdentityProvider.realmFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode realm) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(realm) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
