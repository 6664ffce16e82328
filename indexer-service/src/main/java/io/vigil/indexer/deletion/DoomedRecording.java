package io.vigil.indexer.deletion;

import java.time.Instant;

/** A recording whose deletion has begun: its row is marked ({@code deleting_since}) and hidden. */
public record DoomedRecording(long id, String cameraId, String path, long bytes, Instant start) {
}
