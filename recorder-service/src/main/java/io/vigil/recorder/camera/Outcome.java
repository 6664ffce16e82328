package io.vigil.recorder.camera;

/** What became of a piece handed to the recorder. */
public enum Outcome {
    /** Its bytes and journal line are written (and forced to disk per the fsync policy): ack it. */
    WRITTEN,
    /** It was written before (a replay): ack it. */
    DUPLICATE,
    /** This replica no longer records its camera (partition revoked, or stopping): do not ack it. */
    NOT_OWNED
}
