package dev.incidents.schemas;

import org.apache.avro.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Releases the current schema of every subject whose latest released version differs, as the next
 * {@code released/<subject>/vN.avsc} under the given resources folder. Run after the compatibility test passes:
 * {@code ./mvnw -q -pl schemas compile exec:java}.
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/main/resources");
        for (IncidentTopic<?> topic : IncidentTopic.values()) {
            if (topic.valueSubject().isEmpty()) {
                continue;
            }
            String subject = topic.valueSubject().get();
            List<Schema> released = ReleasedSchemas.of(subject);
            if (!released.isEmpty() && released.get(released.size() - 1).equals(topic.valueSchema())) {
                continue;
            }
            Path file = resources.resolve(ReleasedSchemas.resourceName(subject, released.size() + 1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, topic.valueSchema().toString(true) + "\n");
            System.out.println("Released " + file);
        }
    }
}
