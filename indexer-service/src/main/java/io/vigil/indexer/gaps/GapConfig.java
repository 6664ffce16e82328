package io.vigil.indexer.gaps;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/** Gap detection's settings, checked at start. */
@ConfigMapping(prefix = "vigil.indexer.gaps")
public interface GapConfig {

    /**
     * A hole between two sessions' recordings up to this long is not a gap: two anchors read from the
     * wall clock may leave a little room between sessions that follow at once.
     */
    @WithDefault("1s")
    @DurationMin(millis = 0)
    @DurationMax(minutes = 10)
    Duration tolerance();
}
