package dev.incidents.notifier.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.incidents.deploy.ManagedProcess;
import dev.incidents.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the notifier under test at the JVM's shared real broker and registry, and at a real SMTP server (GreenMail)
 * that tests read through {@link #mailbox()}.
 */
public class NotifierTestStack implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;

    public static GreenMail mailbox() {
        return smtp;
    }

    @Override
    public Map<String, String> start() {
        TestStack.start();
        try {
            int port = ManagedProcess.freePort();
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Map<String, String> config = new HashMap<>(TestStack.serviceConfig("notifier-streams"));
            config.put("quarkus.mailer.port", String.valueOf(port));
            config.put("incidents.delivery.retry-schedule", "300ms,300ms,300ms");
            config.put("incidents.delivery.retry-jitter", "0");
            config.put("incidents.delivery.timeout", "2s");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called once, when Quarkus stops the application after the last test that uses this resource. */
    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        TestStack.stop();
    }
}
