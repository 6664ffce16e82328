package io.vigil.gateway.recording;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;

/** The recordings volume shared with the recorder (VIGIL_RECORDINGS_ROOT); the gateway only reads it. */
@ConfigMapping(prefix = "vigil.recordings")
public interface RecordingsConfig {

    /** The directory the catalog's relative paths start from. */
    Path root();
}
