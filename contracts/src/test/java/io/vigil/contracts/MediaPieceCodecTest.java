package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaPieceCodecTest {

    private static final PieceHeader HEADER = new PieceHeader(PieceHeader.VERSION, "door", "s-1", 42,
            Instant.parse("2026-11-22T10:00:00.040Z"), 1_000_000, "avc1.64001f", true, 900,
            RecordingReason.MOTION, "e-1");

    @Test
    void roundTripsHeaderAndBytes() {
        MediaPiece piece = new MediaPiece(HEADER, bytes(800, 1), bytes(250_000, 2));

        MediaPiece back = MediaPieceCodec.decode(MediaPieceCodec.encode(piece));

        assertThat(back.header()).isEqualTo(HEADER);
        assertThat(back.init()).isEqualTo(piece.init());
        assertThat(back.fragment()).isEqualTo(piece.fragment());
        assertThat(back.header().end()).isEqualTo(Instant.parse("2026-11-22T10:00:01.040Z"));
    }

    @Test
    void rejectsTruncatedAndForeignValues() {
        byte[] encoded = MediaPieceCodec.encode(new MediaPiece(HEADER, bytes(800, 1), bytes(1000, 2)));

        assertThatThrownBy(() -> MediaPieceCodec.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> MediaPieceCodec.decode("{\"hello\":1}".getBytes()))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("VGMP");
        assertThatThrownBy(() -> MediaPieceCodec.decode(new byte[] {'V', 'G'}))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> MediaPieceCodec.decode(null)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void rejectsHeaderWithInvalidCameraId() {
        PieceHeader bad = new PieceHeader(1, "../etc", "s", 0, Instant.EPOCH, 0, "avc1", true, 900, null, null);
        byte[] encoded = MediaPieceCodec.encode(new MediaPiece(bad, bytes(10, 1), bytes(10, 2)));

        assertThatThrownBy(() -> MediaPieceCodec.decode(encoded))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("camera id");
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
