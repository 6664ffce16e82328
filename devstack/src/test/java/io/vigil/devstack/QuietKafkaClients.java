package io.vigil.devstack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka's clients log every retry at INFO while a broker starts, thousands of lines a run; in these
 * tests their warnings are enough. Registered with the JUnit launcher, so it applies before any test.
 */
public final class QuietKafkaClients implements LauncherSessionListener {

    // a strong reference: java.util.logging may otherwise forget the level with the logger
    private static final Logger KAFKA = Logger.getLogger("org.apache.kafka");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        KAFKA.setLevel(Level.WARNING);
    }
}
