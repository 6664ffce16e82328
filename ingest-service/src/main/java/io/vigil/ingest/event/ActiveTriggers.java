package io.vigil.ingest.event;

import java.time.Instant;
import java.util.Optional;

/**
 * The triggers that keep a camera's event going: motion while it lasts, a manual recording until it is
 * stopped or its end, external triggers until their ends. Tells whether one without a known end is
 * running ({@link #open()}) and otherwise when the last one ends ({@link #end()}).
 */
final class ActiveTriggers {

    private boolean motion;
    private Instant motionEnd;
    private ManualRecording manual;
    private Instant manualEnd;
    private Instant externalEnd;

    void motionStarted() {
        motion = true;
    }

    /** @return false when no motion was going on */
    boolean motionEnded(Instant at) {
        if (!motion) {
            return false;
        }
        motion = false;
        motionEnd = latest(motionEnd, at);
        return true;
    }

    boolean motionRunning() {
        return motion;
    }

    /** Starts a manual recording; one already running (another id) is replaced. */
    void manualStarted(ManualRecording recording) {
        manual = recording;
    }

    Optional<ManualRecording> manual() {
        return Optional.ofNullable(manual);
    }

    /** @return false when no manual recording of that command's event id runs */
    boolean manualStopped(String commandEventId, Instant at) {
        if (manual == null || !manual.commandEventId().equals(commandEventId)) {
            return false;
        }
        Instant end = manual.until() != null && manual.until().isBefore(at) ? manual.until() : at;
        manualEnd = latest(manualEnd, end);
        manual = null;
        return true;
    }

    void external(Instant end) {
        externalEnd = latest(externalEnd, end);
    }

    /** A manual recording whose end has passed is over; returns whether one was. */
    boolean expire(Instant now) {
        if (manual != null && manual.until() != null && !manual.until().isAfter(now)) {
            manualEnd = latest(manualEnd, manual.until());
            manual = null;
            return true;
        }
        return false;
    }

    /** A trigger without a known end is running: motion, or a manual recording until stopped. */
    boolean open() {
        return motion || (manual != null && manual.until() == null);
    }

    /** When the last trigger ends (null when none was ever set); meaningful when not {@link #open()}. */
    Instant end() {
        return latest(latest(motionEnd, manualEnd), latest(externalEnd, manual == null ? null : manual.until()));
    }

    boolean activeAt(Instant at) {
        Instant end = end();
        return open() || (end != null && end.isAfter(at));
    }

    /** The event is over: its triggers are forgotten. */
    void clear() {
        motion = false;
        motionEnd = null;
        manual = null;
        manualEnd = null;
        externalEnd = null;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
