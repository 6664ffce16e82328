package io.vigil.gateway.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The storage thresholds every service shares (VIGIL_STORAGE_WARN_PERCENT, VIGIL_STORAGE_BLOCK_PERCENT). */
@ConfigMapping(prefix = "vigil.storage")
public interface StorageConfig {

    @WithDefault("80")
    int warnPercent();

    @WithDefault("90")
    int blockPercent();
}
