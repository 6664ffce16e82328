package io.vigil.ingest.session;

import io.vigil.contracts.MediaPiece;

/** Where a session's pieces go: the camera's event recorder, and from there Kafka. */
@FunctionalInterface
public interface PieceSink {

    /** @throws RuntimeException if the piece cannot be taken; the session then fails and reconnects */
    void accept(MediaPiece piece);

    /** The session's stream ended (for any reason) after its last piece was handed on; the next session has a new id. */
    default void sessionEnded(String sessionId) {
    }
}
