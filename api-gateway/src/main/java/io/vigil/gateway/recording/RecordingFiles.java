package io.vigil.gateway.recording;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a catalogued recording's file on the volume. The path comes from the catalog, never from the
 * request, and is still checked to stay inside the root after normalising and following links.
 */
@ApplicationScoped
public class RecordingFiles {

    private static final Logger LOG = Logger.getLogger(RecordingFiles.class);

    private final Path root;

    RecordingFiles(RecordingsConfig config) {
        this.root = config.root().toAbsolutePath().normalize();
    }

    public Optional<Path> locate(Recording recording) {
        return locate(recording.id(), recording.path());
    }

    /** The file of catalogued recording {@code id}, whose catalog path is {@code path}. */
    public Optional<Path> locate(long id, String path) {
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(path).normalize();
            if (file.startsWith(realRoot) && Files.isRegularFile(file) && file.toRealPath().startsWith(realRoot)) {
                return Optional.of(file);
            }
        } catch (IOException | InvalidPathException e) {
            // missing root or file: reported below like any other miss
        }
        LOG.warnf("recording %d: %s is not a file inside %s", id, path, root);
        return Optional.empty();
    }
}
