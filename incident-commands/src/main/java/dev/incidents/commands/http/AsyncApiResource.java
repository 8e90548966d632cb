package dev.incidents.commands.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The AsyncAPI document of the topics other teams write or read (from the schemas module, generated from the topic
 * catalog and the Avro contract), open like the OpenAPI document: it describes contracts, not data.
 */
@Path("/asyncapi.yaml")
public class AsyncApiResource {

    static final String MEDIA_TYPE = "application/yaml";
    private static final String DOCUMENT = "asyncapi.yaml";

    private final String document = read();

    @GET
    @PermitAll
    @Produces(MEDIA_TYPE)
    @Operation(summary = "The AsyncAPI 3.0 document of incident-commands, -events, -detections and -state")
    public String document() {
        return document;
    }

    private static String read() {
        try (InputStream in = AsyncApiResource.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath (the schemas module holds it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
