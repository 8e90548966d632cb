package dev.incidents.projection.http;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The bearer token this instance shows its peers: a client-credentials token of the projection's own client
 * ({@code quarkus.oidc-client.*}), fetched when first needed and again shortly before it expires.
 */
@ApplicationScoped
public class PeerCredential {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final OidcClient client;
    private Tokens tokens;

    PeerCredential(OidcClient client) {
        this.client = client;
    }

    /** The current token; an exception when the provider refuses or cannot be reached. */
    synchronized String bearerToken() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = client.getTokens().await().atMost(PATIENCE);
        }
        return tokens.getAccessToken();
    }
}
