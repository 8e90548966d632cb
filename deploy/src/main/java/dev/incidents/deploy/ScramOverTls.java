package dev.incidents.deploy;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a client signs in to a secured cluster: SASL SCRAM-SHA-512 over TLS, trusting the cluster's certificate
 * authority. The same settings, under {@code kafka.}, point a service at such a cluster.
 *
 * @param truststore         a PKCS12 trust store holding the cluster's CA certificate
 * @param truststorePassword its password
 */
public record ScramOverTls(Path truststore, String truststorePassword) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /** The client settings for {@code user}. */
    public Map<String, String> clientSettings(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password),
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toAbsolutePath().toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword,
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    }

    /** The same settings as a service's configuration: each under {@code kafka.}, as {@code key=value}. */
    public List<String> serviceSettings(String user, String password) {
        return clientSettings(user, password).entrySet().stream()
                .map(setting -> "kafka." + setting.getKey() + "=" + setting.getValue()).sorted().toList();
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
