package io.vigil.indexer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** An empty recordings volume in a temporary folder, as {@code vigil.recordings.root}. */
public final class RecordingsRootResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            // one level down, so a test can put a file just outside the root
            Path root = Files.createDirectories(Files.createTempDirectory("vigil-indexer-test").resolve("recordings"));
            return Map.of("vigil.recordings.root", root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // left for post-mortems in the temp folder
    }
}
