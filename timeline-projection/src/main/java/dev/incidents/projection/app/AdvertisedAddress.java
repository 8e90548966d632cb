package dev.incidents.projection.app;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * This instance's address as the other instances reach it, which Kafka Streams hands them with the partitions it
 * owns. Checked at start: a wildcard (an instance bound to 0.0.0.0) would have every instance believe it owns every
 * incident and answer "not found" for those held elsewhere.
 */
@Startup
@Singleton
public class AdvertisedAddress {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*", "");

    private final HostInfo hostInfo;

    AdvertisedAddress(@ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.hostInfo = of(applicationServer);
    }

    public HostInfo hostInfo() {
        return hostInfo;
    }

    /** @throws IllegalArgumentException naming the setting to change, for an address nobody else can reach */
    static HostInfo of(String applicationServer) {
        HostInfo host;
        try {
            host = HostInfo.buildFromEndpoint(applicationServer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("This instance's query address '" + applicationServer + "' is not "
                    + "host:port; set incidents.advertised-host to the host other instances reach it at", e);
        }
        if (host == null || WILDCARDS.contains(host.host()) || host.port() <= 0) {
            throw new IllegalArgumentException("This instance's query address '" + applicationServer + "' is not "
                    + "one other instances can reach (a wildcard bind address or no port): set "
                    + "incidents.advertised-host to this host's name or address (quarkus.http.host stays the "
                    + "address to bind)");
        }
        return host;
    }
}
