package dev.incidents.schemas;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/** Builds a deliberately incompatible variant of a schema, to show the compatibility check has teeth. */
final class SchemaWithExtraField {

    private SchemaWithExtraField() {
    }

    static Schema requiredString(Schema record, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(fieldName, Schema.create(Schema.Type.STRING)));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
