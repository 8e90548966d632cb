package dev.incidents.projection.it;

import dev.incidents.deploy.ManagedProcess;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the projection under test at the JVM's shared real broker, registry and identity provider, with a fast
 * deadline scan and an HTTP port known in advance, so that interactive-query metadata names this instance correctly
 * and the provider lets its dashboard sign in.
 */
public class ProjectionTestStack implements QuarkusTestResourceLifecycleManager {

    /** Few enough live streams per instance that a test reaches the limit quickly. */
    public static final int MAX_LIVE_STREAMS = 8;

    @Override
    public Map<String, String> start() {
        TestStack.start();
        try {
            int port = ManagedProcess.freePort();
            Map<String, String> config = new HashMap<>(TestStack.serviceConfig("projection-streams"));
            config.put("quarkus.http.test-port", String.valueOf(port));
            config.put("quarkus.kafka-streams.application-server", "127.0.0.1:" + port);
            TestStack.allowDashboardOrigin("http://127.0.0.1:" + port);
            config.put("incidents.detection.scan-interval", "200ms");
            config.put("incidents.live.max-connections", String.valueOf(MAX_LIVE_STREAMS));
            // Tests read the public status right after writing events; a reused board would hide them for a while.
            config.put("incidents.status-page.cache-for", "0s");
            return config;
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
