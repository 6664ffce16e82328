package io.vigil.recorder.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to start when the recordings root cannot be written: better a clear start-up error than
 * a recorder that consumes media and then fails on every piece. Runs before the consumer starts.
 */
@ApplicationScoped
public class RecordingsRootCheck {

    private static final Logger LOG = Logger.getLogger(RecordingsRootCheck.class);

    void onStart(@Observes @Priority(StartupOrder.CHECKS) StartupEvent event, RecordingsConfig recordings) {
        Path root = recordings.root().toAbsolutePath();
        check(root);
        LOG.infof("recording to %s", root);
    }

    /** @throws IllegalStateException naming the setting and the cause */
    static void check(Path root) {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".vigil-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("vigil.recordings.root (VIGIL_RECORDINGS_ROOT) = " + root
                    + " must be a directory this process can create and write files in: " + e, e);
        }
    }
}
