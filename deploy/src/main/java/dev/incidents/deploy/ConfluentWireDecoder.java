package dev.incidents.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a downstream team with only a Confluent client has: the wire format (magic byte 0, 4-byte big-endian
 * schema id, Avro binary) and the registry's Confluent-compatible API. Nothing of Apicurio, nothing of our classes:
 * the tests and the cluster test read the topics as an outside reader would.
 */
public final class ConfluentWireDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String confluentApiUrl;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public ConfluentWireDecoder(String confluentApiUrl) {
        this.confluentApiUrl = confluentApiUrl;
    }

    public GenericRecord decode(byte[] record) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        byte magic = buffer.get();
        if (magic != 0) {
            throw new IllegalArgumentException("Not the Confluent wire format: magic byte " + magic);
        }
        Schema writer = schema(buffer.getInt());
        try {
            return new GenericDatumReader<GenericRecord>(writer).read(null,
                    DecoderFactory.get().binaryDecoder(record, 5, record.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Not Avro of schema " + writer.getFullName(), e);
        }
    }

    private Schema schema(int id) {
        return schemas.computeIfAbsent(id, this::fetch);
    }

    private Schema fetch(int id) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(confluentApiUrl + "/schemas/ids/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Schema id " + id + " unknown to the registry: " + response.body());
            }
            return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
