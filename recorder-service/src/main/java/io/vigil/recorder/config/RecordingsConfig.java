package io.vigil.recorder.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;

/** The shared recordings volume ({@code vigil.recordings.root}, env {@code VIGIL_RECORDINGS_ROOT}). */
@ConfigMapping(prefix = "vigil.recordings")
public interface RecordingsConfig {

    /** Where recordings are written; checked at start-up to exist (or be creatable) and be writable. */
    Path root();
}
