package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * How a camera's motion is detected (see ingest-service's motion package).
 *
 * @param enabled        detect motion at all; off, only manual and external triggers start events
 * @param sensitivity    1 (only large, strong changes) to 100 (the faintest change counts)
 * @param minAreaPercent share of the unmasked picture that must change to count as motion
 * @param masks          parts of the picture to ignore (trees, a busy road, a clock)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MotionSettings(boolean enabled, int sensitivity, double minAreaPercent, List<Region> masks) {

    public static final int DEFAULT_SENSITIVITY = 50;
    public static final double DEFAULT_MIN_AREA_PERCENT = 1.0;
    public static final double MIN_AREA_PERCENT_LOWEST = 0.1;
    public static final int MAX_MASKS = 32;
    public static final MotionSettings DEFAULT = new MotionSettings(true, DEFAULT_SENSITIVITY, DEFAULT_MIN_AREA_PERCENT, List.of());

    public MotionSettings {
        masks = masks == null ? List.of() : List.copyOf(masks);
    }
}
