package io.vigil.recorder.camera;

import io.vigil.recorder.file.FsyncPolicy;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * What every camera recorder needs to know, taken from the configuration once.
 *
 * @param recoveryJournals how many of a camera's newest journals recovery reads
 */
public record RecorderSettings(Path root, FsyncPolicy fsync, int recoveryJournals, InstantSource clock) {
}
