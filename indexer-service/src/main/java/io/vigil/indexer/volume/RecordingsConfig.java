package io.vigil.indexer.volume;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;

/** The recordings volume every service shares ({@code VIGIL_RECORDINGS_ROOT}). */
@ConfigMapping(prefix = "vigil.recordings")
public interface RecordingsConfig {

    /** The directory holding {@code <camera>/<yyyy-MM-dd>/<camera>_<yyyy-MM-dd_HH-mm-ss>.mp4}. */
    Path root();
}
