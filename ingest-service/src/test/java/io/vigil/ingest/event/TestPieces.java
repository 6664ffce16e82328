package io.vigil.ingest.event;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;

import java.time.Instant;

/** Pieces built in the test: one a second from T0, a keyframe piece unless told otherwise, {@code bytes} of fragment each. */
final class TestPieces {

    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final byte[] INIT = new byte[1_000];

    private TestPieces() {
    }

    static MediaPiece piece(String sessionId, long sequence, boolean keyframe, int bytes) {
        PieceHeader header = new PieceHeader(PieceHeader.VERSION, "cam-1", sessionId, sequence, second(sequence), 1_000_000,
                "avc1.64001f", keyframe, 900, RecordingReason.CONTINUOUS, null);
        return new MediaPiece(header, INIT, new byte[bytes]);
    }

    static MediaPiece piece(long sequence) {
        return piece("s1", sequence, true, 9_000);
    }

    static Instant second(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }
}
