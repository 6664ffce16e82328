package io.vigil.recorder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * The storage thresholds every service shares (VIGIL_STORAGE_WARN_PERCENT, VIGIL_STORAGE_BLOCK_PERCENT),
 * checked at start by {@link StorageThresholdsCheck}; the recorder acts on block.
 */
@ConfigMapping(prefix = "vigil.storage")
public interface StorageConfig {

    @WithDefault("80")
    int warnPercent();

    @WithDefault("90")
    int blockPercent();

    /** How long a reading of the volume's usage is trusted before it is measured again (not a statvfs per piece). */
    @WithDefault("1s")
    @DurationMin(millis = 10)
    @DurationMax(minutes = 1)
    Duration refresh();
}
