package dev.incidents.schemas;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's guard for downstream teams: the schema in the code must be compatible, in its subject's mode, with
 * every version ever released, and must itself be released (kept in the repository) before it ships.
 */
class SchemaCompatibilityTest {

    @ParameterizedTest
    @MethodSource("topicsWithAContract")
    void the_current_schema_is_compatible_with_every_released_version(IncidentTopic<?> topic) {
        Schema current = topic.valueSchema();
        for (Schema released : ReleasedSchemas.of(topic.valueSubject().orElseThrow())) {
            assertThat(newReaderReadsOldData(current, released))
                    .as("%s: the current schema must read data written with every released version", topic)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("topicsWithAContract")
    void the_current_schema_is_released(IncidentTopic<?> topic) {
        String subject = topic.valueSubject().orElseThrow();
        List<Schema> released = ReleasedSchemas.of(subject);
        assertThat(released)
                .as("%s has no released version: add %s", subject, ReleasedSchemas.resourceName(subject, 1))
                .isNotEmpty();
        assertThat(released.get(released.size() - 1))
                .as("The schema of %s changed: once it passes the compatibility check, release it as %s", subject,
                        ReleasedSchemas.resourceName(subject, released.size() + 1))
                .isEqualTo(topic.valueSchema());
    }

    @ParameterizedTest
    @MethodSource("topicsWithAContract")
    void an_incompatible_change_would_be_caught(IncidentTopic<?> topic) {
        Schema withNewRequiredField = SchemaWithExtraField.requiredString(topic.valueSchema(), "addedWithoutDefault");
        assertThat(newReaderReadsOldData(withNewRequiredField, topic.valueSchema()))
                .as("a required field without default cannot read old data").isFalse();
    }

    /** Every topic with an Avro value; dead-letter topics and clock ticks carry raw bytes. */
    static Stream<IncidentTopic<?>> topicsWithAContract() {
        return IncidentTopic.values().stream().filter(topic -> topic.valueSubject().isPresent());
    }

    static boolean newReaderReadsOldData(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
