package dev.incidents.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the shared {@link TestStack} when the test session ends, while the JVM is still running normally: a broker
 * shut down from a JVM shutdown hook races the exit and can end the test JVM with an error after every test passed.
 * Registered by the modules' tests in META-INF/services.
 */
public class TestStackCloser implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestStack.stop();
    }
}
