package dev.incidents.notifier.it;

import dev.incidents.deploy.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the notifier under test at the JVM's shared real broker and registry. */
public class NotifierTestStack implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestStack.start();
        try {
            return TestStack.serviceConfig("notifier-streams");
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
