package io.vigil.recorder.camera;

/** What became of a piece handed to the recorder. */
public enum Outcome {
    /** Its bytes and journal line are written (and forced to disk per the fsync policy): ack it. */
    WRITTEN,
    /** It was written before (a replay): ack it. */
    DUPLICATE,
    /** The volume is at block: not written, on purpose, and acknowledged (a storage event says so). */
    REFUSED,
    /**
     * Its owner epoch is older than one this camera's pieces already carried: sent by an ingest replica
     * that lost the camera to another; not written, on purpose, and acknowledged (counted and logged).
     */
    FENCED,
    /** This replica no longer records its camera (partition revoked, or stopping): do not ack it. */
    NOT_OWNED
}
