package io.vigil.recorder.announce;

import java.time.Instant;

/**
 * Tells the other services that a camera's pieces are refused because the volume is at block
 * ({@code recordings.refused} on {@code vigil.storage}). Best effort, like the recorder status:
 * never blocks, never throws.
 */
public interface StorageEventPublisher {

    StorageEventPublisher NONE = (cameraId, from, to, pieces, ongoing, usedPercent, blockPercent) -> {
    };

    /**
     * @param from    start of the first refused piece
     * @param to      end of the last refused piece so far
     * @param ongoing true when the refusal began (or goes on), false when it ended
     */
    void recordingsRefused(String cameraId, Instant from, Instant to, long pieces, boolean ongoing, double usedPercent,
                           int blockPercent);
}
