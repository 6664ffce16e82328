package io.vigil.recorder.media;

import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.recorder.fixtures.RealStream;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PieceCheckTest {

    private final MediaPiece real = RealStream.hd().piece("door", "s1", 0, Instant.parse("2026-11-22T10:00:00Z"), 900);

    @Test
    void aRealPiecePasses() {
        assertThatCode(() -> PieceCheck.requireWellFormed(real)).doesNotThrowAnyException();
    }

    @Test
    void aTruncatedFragmentIsRefused() {
        MediaPiece cut = new MediaPiece(real.header(), real.init(), Arrays.copyOf(real.fragment(), real.fragment().length - 1));

        assertThatThrownBy(() -> PieceCheck.requireWellFormed(cut))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("fragment does not end at a box boundary");
    }

    @Test
    void initAndFragmentSwappedAreRefused() {
        MediaPiece swapped = new MediaPiece(real.header(), real.fragment(), real.init());

        assertThatThrownBy(() -> PieceCheck.requireWellFormed(swapped))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("not ftyp and moov");
    }

    @Test
    void bytesThatAreNotBoxesAreRefused() {
        byte[] noise = new byte[64]; // a box size of 0 is not allowed in a piece
        MediaPiece garbage = new MediaPiece(real.header(), real.init(), noise);

        assertThatThrownBy(() -> PieceCheck.requireWellFormed(garbage))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("fragment is not MP4 boxes");
    }

    @Test
    void aStartOutsideTheYearsAFileCanBeNamedInIsRefused() {
        // Instant.MAX passes the codec but would throw in the file name and the rotation arithmetic
        for (Instant start : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("9999-12-31T23:00:00Z")}) {
            MediaPiece odd = withHeader(start, real.header().durationMicros());

            assertThatThrownBy(() -> PieceCheck.requireWellFormed(odd))
                    .isInstanceOf(MalformedRecordException.class).hasMessageContaining("outside 1970..9999");
        }
    }

    @Test
    void anAbsurdDurationIsRefused() {
        for (long micros : new long[] {-1, 3_600_000_001L, Long.MAX_VALUE}) {
            MediaPiece odd = withHeader(real.header().start(), micros);

            assertThatThrownBy(() -> PieceCheck.requireWellFormed(odd))
                    .isInstanceOf(MalformedRecordException.class).hasMessageContaining("outside 0..1 hour");
        }
    }

    @Test
    void theBoundsThemselvesPass() {
        assertThatCode(() -> PieceCheck.requireWellFormed(withHeader(Instant.EPOCH, 0))).doesNotThrowAnyException();
        assertThatCode(() -> PieceCheck.requireWellFormed(withHeader(Instant.parse("9999-12-31T22:59:59Z"), 3_600_000_000L)))
                .doesNotThrowAnyException();
    }

    private MediaPiece withHeader(Instant start, long durationMicros) {
        PieceHeader h = real.header();
        PieceHeader odd = new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), start, durationMicros,
                h.codec(), h.keyframe(), h.rotationSeconds(), h.reason(), h.eventId());
        return new MediaPiece(odd, real.init(), real.fragment());
    }
}
