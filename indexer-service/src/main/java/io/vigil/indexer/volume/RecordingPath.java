package io.vigil.indexer.volume;

import java.nio.file.Path;

/**
 * A recording file checked to lie inside the recordings root.
 *
 * @param relative the catalog's name for it: relative to the root, '/'-separated
 * @param cameraId the first path segment, a valid camera id
 * @param file     where it is on this machine
 */
public record RecordingPath(String relative, String cameraId, Path file) {

    /** The recorder's piece journal beside the file. */
    public Path journal() {
        return file.resolveSibling(file.getFileName() + ".pieces");
    }
}
