package io.vigil.indexer.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The storage thresholds every service shares ({@code VIGIL_STORAGE_WARN_PERCENT},
 * {@code VIGIL_STORAGE_BLOCK_PERCENT}); checked at start by {@link StorageSettings}.
 */
@ConfigMapping(prefix = "vigil.storage")
public interface StorageConfig {

    /** From this share of the volume used, the oldest unlocked recordings are deleted until usage is back under it. */
    @WithDefault("80")
    int warnPercent();

    /** From this share, new recordings are refused. */
    @WithDefault("90")
    int blockPercent();
}
