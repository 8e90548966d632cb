package dev.incidents.testing;

import dev.incidents.schemas.ServiceAccess;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service against what provisioning grants it ({@link ServiceAccess}): every topic its topology reads or
 * writes, and its Streams application id, so a new source or sink cannot reach production without its ACL.
 */
public final class GrantedAccess {

    private GrantedAccess() {
    }

    public static void assertTopologyWithin(Topology topology, ServiceAccess access) {
        Set<String> sources = new HashSet<>();
        Set<String> sinks = new HashSet<>();
        TopologyDescription description = topology.describe();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> collect(node, sources, sinks)));
        description.globalStores().forEach(store -> sources.addAll(store.source().topicSet()));
        assertThat(access.readTopicNames()).as("topics %s may read", access.service()).containsAll(sources);
        assertThat(access.writeTopicNames()).as("topics %s may write", access.service()).containsAll(sinks);
    }

    /** The application id in the service's application.properties is the one its ACLs name. */
    public static void assertApplicationId(ServiceAccess access) {
        Properties properties = new Properties();
        try (InputStream in = GrantedAccess.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(properties.getProperty("quarkus.kafka-streams.application-id"))
                .isEqualTo(access.streamsApplicationId());
    }

    private static void collect(TopologyDescription.Node node, Set<String> sources, Set<String> sinks) {
        if (node instanceof TopologyDescription.Source source) {
            sources.addAll(source.topicSet());
        } else if (node instanceof TopologyDescription.Sink sink) {
            sinks.add(sink.topic());
        }
    }
}
