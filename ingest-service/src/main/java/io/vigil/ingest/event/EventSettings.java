package io.vigil.ingest.event;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;

import java.time.Duration;

/** The part of a camera's configuration its event recorder works with; all of it changes without reconnecting but the mode. */
public record EventSettings(CameraMode mode, Duration preRoll, Duration postRoll, int maxEventSeconds) {

    public static EventSettings of(CameraConfig config) {
        return new EventSettings(config.mode(), Duration.ofSeconds(config.preRollSeconds()),
                Duration.ofSeconds(config.postRollSeconds()), config.maxEventSeconds());
    }
}
