package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaPieceCodecTest {

    private static final PieceHeader HEADER = new PieceHeader(PieceHeader.VERSION, "door", "s-1", 42,
            Instant.parse("2026-11-22T10:00:00.040Z"), 1_000_000, "avc1.64001f", true, 900,
            RecordingReason.MOTION, "e-1", SessionCause.RECONNECT, "timeout", "ingest-2", 7L);

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
    void carriesWhyTheSessionBeganInTheHeaderJson() {
        MediaPiece piece = new MediaPiece(HEADER, bytes(10, 1), bytes(10, 2));

        String json = new String(ContractJson.write(piece.header()), java.nio.charset.StandardCharsets.UTF_8);
        MediaPiece back = MediaPieceCodec.decode(MediaPieceCodec.encode(piece));

        assertThat(json).contains("\"v\":4", "\"ownerEpoch\":7", "\"sessionCause\":\"reconnect\"", "\"previousFailure\":\"timeout\"",
                "\"instance\":\"ingest-2\"");
        assertThat(back.header().sessionCause()).isEqualTo(SessionCause.RECONNECT);
        assertThat(back.header().previousFailure()).isEqualTo("timeout");
        assertThat(back.header().instance()).isEqualTo("ingest-2");
        assertThat(back.header().forEvent(RecordingReason.MANUAL, "e-2", 60).sessionCause()).isEqualTo(SessionCause.RECONNECT);
    }

    @Test
    void decodesAVersionTwoHeaderWithAnUnknownSessionCause() {
        byte[] header = """
                {"v":2,"cameraId":"door","sessionId":"s-1","sequence":3,"start":"2026-11-22T10:00:00Z",
                 "durationMicros":1000000,"codec":"avc1","keyframe":true,"rotationSeconds":900,
                 "reason":"continuous","eventId":null}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] init = bytes(10, 1);
        byte[] fragment = bytes(10, 2);
        java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(5 + 12 + header.length + init.length + fragment.length);
        record.put(new byte[] {'V', 'G', 'M', 'P', 1}).putInt(header.length).put(header)
                .putInt(init.length).put(init).putInt(fragment.length).put(fragment);

        PieceHeader back = MediaPieceCodec.decode(record.array()).header();

        assertThat(back.sequence()).isEqualTo(3);
        assertThat(back.sessionCause()).isEqualTo(SessionCause.UNKNOWN);
        assertThat(back.previousFailure()).isNull();
        assertThat(back.instance()).isNull();
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
