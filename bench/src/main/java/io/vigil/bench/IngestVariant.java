package io.vigil.bench;

import io.vigil.contracts.CameraMode;

/** The ways Vigil's ingest is measured: (c) in the brief, compared with the baselines. */
enum IngestVariant {

    /** Packet copy to Kafka and nothing else: compared with (a). */
    MOTION_OFF("(c) Vigil ingest, motion off (continuous)", CameraMode.CONTINUOUS, false),
    /** Pre-roll buffering plus keyframe-only motion detection; the moving clip keeps an event running. Compared with (b). */
    MOTION_EVENTS("(c) Vigil ingest, motion on, mode events", CameraMode.EVENTS, true),
    /** Everything published plus motion detection. Compared with (b). */
    MOTION_CONTINUOUS("(c) Vigil ingest, motion on, mode continuous", CameraMode.CONTINUOUS, true);

    private final String label;
    private final CameraMode mode;
    private final boolean motion;

    IngestVariant(String label, CameraMode mode, boolean motion) {
        this.label = label;
        this.mode = mode;
        this.motion = motion;
    }

    String label() {
        return label;
    }

    CameraMode mode() {
        return mode;
    }

    boolean motion() {
        return motion;
    }
}
