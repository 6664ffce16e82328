package io.vigil.ingest.session;

import io.vigil.contracts.MediaPiece;

/** Where a session's pieces go: Kafka for continuous recording, nowhere (yet) for event recording. */
@FunctionalInterface
public interface PieceSink {

    /** @throws RuntimeException if the piece cannot be taken; the session then fails and reconnects */
    void accept(MediaPiece piece);
}
