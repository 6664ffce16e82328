package io.vigil.gateway.problem;

/** Vigil error numbers: the {@code code} of a problem that clients handle by number, not by text. */
public final class ErrorCodes {

    /** A manual recording already runs on the camera; the problem's {@code eventId} names it. */
    public static final int MANUAL_RECORDING_RUNNING = -1006;

    /** The recordings volume is above its warn threshold: the oldest recordings are being deleted (a warning, not an error). */
    public static final int STORAGE_WARN = -1008;

    /** The recordings volume is above its block threshold: new recordings are refused (507). */
    public static final int STORAGE_FULL = -1010;

    private ErrorCodes() {
    }
}
