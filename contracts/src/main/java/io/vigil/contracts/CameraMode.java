package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a camera records. */
public enum CameraMode {
    /** Not run: no session, nothing recorded; the status says {@code stopped}. */
    @JsonProperty("off") OFF,
    /** Every piece is recorded. */
    @JsonProperty("continuous") CONTINUOUS,
    /** Only pieces around events (pre-roll, event, post-roll) are recorded. */
    @JsonProperty("events") EVENTS;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CameraMode fromWire(String value) {
        for (CameraMode mode : values()) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be one of off, continuous, events");
    }
}
