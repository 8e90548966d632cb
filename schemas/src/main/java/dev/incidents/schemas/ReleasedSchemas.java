package dev.incidents.schemas;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema versions already released for a subject, oldest first, kept in the repository under
 * {@code released/<subject>/v<N>.avsc}. Provisioning registers them in order; the compatibility test checks the
 * current schema against all of them.
 */
public final class ReleasedSchemas {

    private ReleasedSchemas() {
    }

    public static List<Schema> of(String subject) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = resourceName(subject, version);
            try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
    }

    public static String resourceName(String subject, int version) {
        return "released/" + subject + "/v" + version + ".avsc";
    }
}
