package dev.incidents.projection.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks documents against the formats they claim: Atom (RELAX NG) and Statuspage's API v2 (JSON Schema). */
public final class FormatSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatSchemas() {
    }

    /** Every way the document breaks RFC 4287; empty when it is a valid Atom feed. */
    public static List<String> atomErrors(String feed) throws IOException, SAXException {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        if (!driver.loadSchema(new InputSource(FormatSchemas.class.getResource("/formats/atom.rnc").toString()))) {
            throw new IllegalStateException("The Atom schema does not load: " + errors);
        }
        driver.validate(new InputSource(new StringReader(feed)));
        return errors;
    }

    /** Every way the document breaks the Statuspage v2 shape named by {@code root} (summary, incidents). */
    public static Set<ValidationMessage> statuspageErrors(String root, String document) throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(
                FormatSchemas.class.getResource("/formats/statuspage-v2.schema.json"));
        schema.put("$ref", "#/$defs/" + root);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        JsonNode node = JSON.readTree(document);
        return validator.validate(node);
    }
}
