package io.vigil.ingest.session;

import io.vigil.contracts.MotionSettings;
import io.vigil.ingest.motion.MotionTuning;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A camera's motion detection across its sessions: the settings in force (changed at run time from the
 * config thread, picked up by the session at its next video packet), the process-wide timing, and where
 * changes go. Also remembers that a detector failed to open, so a camera whose video cannot be decoded
 * is warned about once, not at every reconnect.
 */
public final class CameraMotion {

    private final MotionTuning tuning;
    private final MotionListener listener;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile MotionSettings settings;

    public CameraMotion(MotionSettings settings, MotionTuning tuning, MotionListener listener) {
        this.settings = settings;
        this.tuning = tuning;
        this.listener = listener;
    }

    /** Replaces the settings; the running session applies them without reconnecting. */
    public void settings(MotionSettings next) {
        settings = next;
    }

    MotionSettings settings() {
        return settings;
    }

    MotionTuning tuning() {
        return tuning;
    }

    MotionListener listener() {
        return listener;
    }

    /** True the first time only: whether a failure should be logged as a warning. */
    boolean firstFailure() {
        return failureLogged.compareAndSet(false, true);
    }
}
