package io.vigil.ingest.session;

import io.vigil.contracts.CameraUrls;
import io.vigil.ingest.status.FailureKind;

/** A camera stream that could not be opened or broke; the message is safe to show (credentials redacted). */
public final class StreamFailure extends Exception {

    private final FailureKind kind;
    private boolean complete;

    public StreamFailure(FailureKind kind, String message) {
        super(CameraUrls.redact(message));
        this.kind = kind;
    }

    public StreamFailure(FailureKind kind, String message, Throwable cause) {
        super(CameraUrls.redact(message), cause);
        this.kind = kind;
    }

    /** The media ended as it should (a playlist's EXT-X-ENDLIST, the end of a file): not an error. */
    public static StreamFailure complete(String message) {
        StreamFailure end = new StreamFailure(FailureKind.FAILURE, message);
        end.complete = true;
        return end;
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean complete() {
        return complete;
    }
}
