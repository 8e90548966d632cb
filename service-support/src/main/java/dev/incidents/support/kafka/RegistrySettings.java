package dev.incidents.support.kafka;

import io.apicurio.registry.serde.config.SerdeConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registry client's settings (Apicurio's {@code apicurio.registry.*} keys) from {@link RegistryConfig}. */
final class RegistrySettings {

    private RegistrySettings() {
    }

    static Map<String, Object> of(RegistryConfig registry) {
        Map<String, Object> settings = new HashMap<>();
        put(settings, SerdeConfig.AUTH_USERNAME, registry.username());
        put(settings, SerdeConfig.AUTH_PASSWORD, registry.password());
        put(settings, SerdeConfig.AUTH_TOKEN_ENDPOINT, registry.tokenEndpoint());
        put(settings, SerdeConfig.AUTH_CLIENT_ID, registry.clientId());
        put(settings, SerdeConfig.AUTH_CLIENT_SECRET, registry.clientSecret());
        put(settings, SerdeConfig.AUTH_CLIENT_SCOPE, registry.scope());
        put(settings, SerdeConfig.TLS_TRUSTSTORE_LOCATION, registry.truststoreLocation());
        put(settings, SerdeConfig.TLS_TRUSTSTORE_PASSWORD, registry.truststorePassword());
        put(settings, SerdeConfig.TLS_TRUSTSTORE_TYPE, registry.truststoreType());
        return settings;
    }

    private static void put(Map<String, Object> settings, String key, Optional<String> value) {
        value.ifPresent(v -> settings.put(key, v));
    }
}
