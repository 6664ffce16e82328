package io.vigil.indexer.indexing;

/**
 * A recording that cannot be cataloged: its file is gone or unreadable, or holds no media either
 * ffprobe or the fragment reader understands. Retrying would not help, so it is logged and passed over.
 */
public class UnindexableRecordingException extends Exception {

    private final String reason;

    UnindexableRecordingException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short tag for metrics: missing, unreadable. */
    public String reason() {
        return reason;
    }
}
