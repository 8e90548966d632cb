package dev.incidents.schemas.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Where the topology gets the serdes of its Avro topics: the schema registry in production, plain Avro in tests. */
@FunctionalInterface
public interface AvroSerdes {
    <T extends SpecificRecord> Serde<T> forValue(Class<T> type);
}
