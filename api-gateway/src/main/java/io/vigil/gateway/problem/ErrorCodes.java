package io.vigil.gateway.problem;

/** Vigil error numbers: the {@code code} of a problem that clients handle by number, not by text. */
public final class ErrorCodes {

    /** A manual recording already runs on the camera; the problem's {@code eventId} names it. */
    public static final int MANUAL_RECORDING_RUNNING = -1006;

    private ErrorCodes() {
    }
}
