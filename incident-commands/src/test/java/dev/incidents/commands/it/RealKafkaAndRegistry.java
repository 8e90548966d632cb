package dev.incidents.commands.it;

import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the service under test at the JVM's shared real broker and registry ({@link TestStack}). */
public class RealKafkaAndRegistry implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestStack.start();
        try {
            return TestStack.serviceConfig("incident-commands-streams");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called once, when Quarkus stops the application after the last test that uses this resource. */
    @Override
    public void stop() {
        TestStack.stop();
    }
}
