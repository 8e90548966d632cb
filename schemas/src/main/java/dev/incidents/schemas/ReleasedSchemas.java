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

    /**
     * The released version (1, 2, ...) of {@code topic}'s subject that is its current schema: the version provisioning
     * registered it as, which records written with it name.
     *
     * @throws IllegalStateException when the current schema is not released yet
     */
    public static int versionOf(IncidentTopic<?> topic) {
        String subject = topic.valueSubject().orElseThrow();
        int version = of(subject).indexOf(topic.valueSchema()) + 1;
        if (version == 0) {
            throw new IllegalStateException("The schema of " + topic.valueType().getName()
                    + " is not a released version of " + subject + "; release it in the schemas module first");
        }
        return version;
    }

    public static String resourceName(String subject, int version) {
        return "released/" + subject + "/v" + version + ".avsc";
    }
}
