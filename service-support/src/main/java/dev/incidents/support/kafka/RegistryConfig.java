package dev.incidents.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The schema registry every serde of a service talks to, set once: its address, and the credentials and trust a
 * secured registry needs (HTTP basic, or an OAuth2 client; a trust store for its TLS certificate).
 */
@ConfigMapping(prefix = "incidents.registry")
public interface RegistryConfig {

    /** Apicurio's native API, e.g. http://127.0.0.1:8081/apis/registry/v2 (or /v3 on a 3.x registry). */
    String url();

    /** Off by default: subjects are provisioned by the deploy tooling with their compatibility mode. */
    @WithDefault("false")
    boolean autoRegister();

    /** HTTP basic authentication. */
    Optional<String> username();

    Optional<String> password();

    /** OAuth2 client credentials: the token endpoint, client id and secret, optional scope. */
    Optional<String> tokenEndpoint();

    Optional<String> clientId();

    Optional<String> clientSecret();

    Optional<String> scope();

    /** A trust store for the registry's TLS certificate: location, password, type (JKS, PKCS12 or PEM). */
    Optional<String> truststoreLocation();

    Optional<String> truststorePassword();

    Optional<String> truststoreType();
}
