package dev.incidents.commands.decider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.incidents.commands.domain.Incident;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.IOException;

/**
 * Stores the decider's view of an incident as JSON: readable in the changelog, and tolerant of fields added
 * later (missing ones read as null), so a new version restores an old store.
 */
final class IncidentSnapshot {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private IncidentSnapshot() {
    }

    static Serde<Incident> serde() {
        return Serdes.serdeFrom((topic, incident) -> write(incident), (topic, bytes) -> read(bytes));
    }

    private static byte[] write(Incident incident) {
        try {
            return incident == null ? null : JSON.writeValueAsBytes(incident);
        } catch (IOException e) {
            throw new SerializationException("Cannot write incident snapshot", e);
        }
    }

    private static Incident read(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readValue(bytes, Incident.class);
        } catch (IOException e) {
            throw new SerializationException("Cannot read incident snapshot", e);
        }
    }
}
