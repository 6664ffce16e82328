package io.vigil.recorder.file;

/** When the recorder forces written bytes to the disk (see the README for what each costs). */
public enum FsyncPolicy {
    /**
     * Media and journal are fsynced after every piece, before its Kafka offset may be committed:
     * an acknowledged piece survives a power loss. Costs one or two disk flushes per piece.
     */
    PIECE,
    /**
     * Only when a file closes. A crash of the process loses nothing (the page cache survives it),
     * but a power loss can lose pieces whose offsets were already committed.
     */
    CLOSE
}
