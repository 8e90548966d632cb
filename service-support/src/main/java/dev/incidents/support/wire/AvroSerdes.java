package dev.incidents.support.wire;

import dev.incidents.schemas.IncidentTopic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Where the topology gets the serdes of its Avro topics: the schema registry in production, plain Avro in tests. */
@FunctionalInterface
public interface AvroSerdes {

    /** Avro single-object encoding, no registry: for topology tests, which have none. */
    AvroSerdes WITHOUT_REGISTRY = new AvroSerdes() {
        @Override
        public <T extends SpecificRecord> Serde<T> forValue(IncidentTopic<T> topic) {
            return new SingleObjectAvroSerde<>(topic.valueType());
        }
    };

    /** The serde of the topic's values, writing under that topic's own subject. */
    <T extends SpecificRecord> Serde<T> forValue(IncidentTopic<T> topic);
}
