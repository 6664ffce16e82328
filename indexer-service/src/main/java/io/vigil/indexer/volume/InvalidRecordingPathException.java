package io.vigil.indexer.volume;

/** A path that does not name a recording inside the recordings root; it is never opened. */
public class InvalidRecordingPathException extends Exception {

    public InvalidRecordingPathException(String message) {
        super(message);
    }
}
