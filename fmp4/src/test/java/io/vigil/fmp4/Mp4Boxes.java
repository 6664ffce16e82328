package io.vigil.fmp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hand-built ISO BMFF boxes, byte for byte as the specification lays them out, for the reader's tests. */
final class Mp4Boxes {

    static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x2_0000;
    static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x8;
    static final int TFHD_BASE_DATA_OFFSET = 0x1;
    static final int TRUN_DATA_OFFSET = 0x1;
    static final int TRUN_SAMPLE_DURATION = 0x100;
    static final int TRUN_SAMPLE_SIZE = 0x200;
    static final int TRUN_SAMPLE_FLAGS = 0x400;

    private Mp4Boxes() {
    }

    static byte[] box(String type, byte[]... contents) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            payload.writeBytes(content);
        }
        return ByteBuffer.allocate(8 + payload.size()).putInt(8 + payload.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload.toByteArray()).array();
    }

    static byte[] fullBox(String type, int version, int flags, byte[] fields) {
        return box(type, ByteBuffer.allocate(4).putInt(version << 24 | flags).array(), fields);
    }

    static byte[] ftyp() {
        return box("ftyp", "iso5".getBytes(StandardCharsets.ISO_8859_1), new byte[4], "iso5iso6mp41".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A trak with the given handler ("vide", "soun") and timescale. */
    static byte[] trak(int trackId, String handler, int timescale) {
        byte[] tkhd = fullBox("tkhd", 0, 3, ByteBuffer.allocate(80).putInt(0).putInt(0).putInt(trackId).array());
        byte[] mdhd = fullBox("mdhd", 0, 0, ByteBuffer.allocate(20).putInt(0).putInt(0).putInt(timescale).array());
        byte[] hdlr = fullBox("hdlr", 0, 0, ByteBuffer.allocate(21).putInt(0)
                .put(handler.getBytes(StandardCharsets.ISO_8859_1)).array());
        return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf")));
    }

    static byte[] trex(int trackId, int defaultSampleDuration) {
        return fullBox("trex", 0, 0, ByteBuffer.allocate(20).putInt(trackId).putInt(1)
                .putInt(defaultSampleDuration).putInt(0).putInt(0).array());
    }

    static byte[] moov(byte[]... children) {
        return box("moov", children);
    }

    static byte[] mvex(byte[]... trexes) {
        return box("mvex", trexes);
    }

    static byte[] tfhd(int trackId, int flags, int defaultSampleDuration) {
        ByteBuffer fields = ByteBuffer.allocate(20).putInt(trackId);
        if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
            fields.putLong(0);
        }
        if ((flags & TFHD_DEFAULT_SAMPLE_DURATION) != 0) {
            fields.putInt(defaultSampleDuration);
        }
        return fullBox("tfhd", 0, flags, Arrays.copyOf(fields.array(), fields.position()));
    }

    static byte[] tfdt(int version, long decodeTime) {
        return version == 1
                ? fullBox("tfdt", 1, 0, ByteBuffer.allocate(8).putLong(decodeTime).array())
                : fullBox("tfdt", 0, 0, ByteBuffer.allocate(4).putInt((int) decodeTime).array());
    }

    /** A trun with per-sample duration, size and flags, as FFmpeg writes it. */
    static byte[] trunWithDurations(int... durations) {
        ByteBuffer fields = ByteBuffer.allocate(8 + 12 * durations.length).putInt(durations.length).putInt(0);
        for (int duration : durations) {
            fields.putInt(duration).putInt(1000).putInt(0);
        }
        return fullBox("trun", 0, TRUN_DATA_OFFSET | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS, fields.array());
    }

    /** A trun with sizes only: durations come from tfhd or trex. */
    static byte[] trunWithoutDurations(int sampleCount) {
        ByteBuffer fields = ByteBuffer.allocate(8 + 4 * sampleCount).putInt(sampleCount).putInt(0);
        for (int sample = 0; sample < sampleCount; sample++) {
            fields.putInt(1000);
        }
        return fullBox("trun", 0, TRUN_DATA_OFFSET | TRUN_SAMPLE_SIZE, fields.array());
    }

    static byte[] traf(byte[]... children) {
        return box("traf", children);
    }

    static byte[] moof(byte[]... trafs) {
        byte[] mfhd = fullBox("mfhd", 0, 0, ByteBuffer.allocate(4).putInt(1).array());
        byte[][] children = new byte[trafs.length + 1][];
        children[0] = mfhd;
        System.arraycopy(trafs, 0, children, 1, trafs.length);
        return box("moof", children);
    }

    static byte[] mdat(int payloadBytes) {
        return box("mdat", new byte[payloadBytes]);
    }

    /** Durations of {@code samples} samples of {@code ticks} each. */
    static int[] samples(int samples, int ticks) {
        int[] durations = new int[samples];
        Arrays.fill(durations, ticks);
        return durations;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
