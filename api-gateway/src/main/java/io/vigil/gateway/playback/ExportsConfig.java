package io.vigil.gateway.playback;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** Where clip exports are built before they are sent (their hash is in the headers, so the whole clip first). */
@ConfigMapping(prefix = "vigil.exports")
public interface ExportsConfig {

    /**
     * A directory with room for the largest clip allowed (a 24 h clip at 2 Mbit/s is about 21 GB); each
     * file lives only while its download runs. Default: {@code vigil-exports} under java.io.tmpdir.
     */
    Optional<Path> dir();

    default Path directory() {
        return dir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "vigil-exports"));
    }
}
