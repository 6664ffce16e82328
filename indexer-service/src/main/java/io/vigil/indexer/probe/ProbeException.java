package io.vigil.indexer.probe;

/** ffprobe could not describe a file: not a video, unreadable, or too slow. */
public class ProbeException extends Exception {

    public ProbeException(String message) {
        super(message);
    }
}
