package io.vigil.recorder.file;

import java.util.Locale;

/** Why a recording file ended; its wire name goes into the journal and the RecordingClosed event. */
public enum CloseReason {
    /** The file reached the camera's rotation length and a keyframe piece began the next one. */
    ROTATION,
    /** The camera's ingest session changed (a reconnect): its timeline restarts, so the file does too. */
    SESSION,
    /** The init segment changed (codec, resolution, SPS/PPS): the old init cannot describe new pieces. */
    CODEC,
    /**
     * The piece belongs to another recording ({@link RecordingKey}): another event began, or the camera
     * switched between continuous and event recording. Each event gets files of its own.
     */
    EVENT,
    /** No piece arrived for the idle-close time: the camera went offline. */
    IDLE,
    /** The recorder is stopping. */
    SHUTDOWN,
    /** The camera's partition moved to another recorder replica. */
    REVOKED,
    /** The volume reached the block threshold: the file is closed cleanly and pieces are refused until space is freed. */
    STORAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
