package dev.incidents.support.wire;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro model of a generated class, bound to that class's own class loader. The model a generated class carries
 * has none and falls back to the thread's context loader, which in a Kafka Streams thread may be another one.
 */
public final class AvroModels {

    private AvroModels() {
    }

    public static SpecificData of(Class<? extends SpecificRecord> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }
}
