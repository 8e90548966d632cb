package dev.incidents.projection.app;

import dev.incidents.projection.kafka.ProjectionTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries before Kafka Streams runs (right after a restart) are "not available yet", never an error. */
class IncidentQueriesTest {

    @TempDir
    Path state;

    @Test
    void a_projection_not_started_yet_answers_unavailable_for_keys_and_lists() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("incident-state", Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(ProjectionTopology.VIEW_STORE));
        Properties config = new Properties();
        config.putAll(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "not-started",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", StreamsConfig.STATE_DIR_CONFIG, state.toString(),
                StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:8082"));
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            IncidentQueries queries = new IncidentQueries(streams, new AdvertisedAddress("127.0.0.1:8082"));

            assertThat(queries.incident("inc-1")).isInstanceOf(QueryResult.Unavailable.class);
            assertThat(queries.timeline("inc-1")).isInstanceOf(QueryResult.Unavailable.class);
            assertThat(queries.localIncidents()).isEmpty();
            assertThat(queries.otherInstances()).isEmpty();
        }
    }
}
