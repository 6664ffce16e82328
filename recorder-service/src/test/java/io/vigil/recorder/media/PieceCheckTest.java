package io.vigil.recorder.media;

import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
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
}
