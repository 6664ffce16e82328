package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** Why footage is recorded: the camera records everything, or an event of this kind started it. */
public enum RecordingReason {
    @JsonProperty("continuous") CONTINUOUS,
    @JsonProperty("motion") MOTION,
    @JsonProperty("manual") MANUAL,
    @JsonProperty("external") EXTERNAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordingReason fromWire(String value) {
        for (RecordingReason reason : values()) {
            if (reason.wireName().equals(value)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("reason must be one of continuous, motion, manual, external");
    }
}
