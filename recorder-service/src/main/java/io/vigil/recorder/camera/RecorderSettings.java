package io.vigil.recorder.camera;

import io.vigil.recorder.file.FsyncPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What every camera recorder needs to know, taken from the configuration once.
 *
 * @param recoveryJournals how many of a camera's newest journals recovery reads
 * @param fenceHold        how long a camera's newest owner epoch is held against older ones after its last
 *                         piece ({@link OwnerFence}); the idle close, when the recorder takes a camera for quiet
 */
public record RecorderSettings(Path root, FsyncPolicy fsync, int recoveryJournals, InstantSource clock, Duration fenceHold) {

    /** The default idle close (20 s) as the fence's hold. */
    public RecorderSettings(Path root, FsyncPolicy fsync, int recoveryJournals, InstantSource clock) {
        this(root, fsync, recoveryJournals, clock, Duration.ofSeconds(20));
    }
}
