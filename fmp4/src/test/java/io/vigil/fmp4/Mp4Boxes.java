package io.vigil.fmp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hand-built ISO BMFF boxes, byte for byte as the specification lays them out, for the parsers' tests. */
final class Mp4Boxes {

    static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x2_0000;
    static final int TFHD_DEFAULT_SAMPLE_DURATION = 0x8;
    static final int TFHD_BASE_DATA_OFFSET = 0x1;
    static final int TFHD_DEFAULT_SAMPLE_FLAGS = 0x20;
    static final int TFHD_DURATION_IS_EMPTY = 0x1_0000;
    static final int TRUN_DATA_OFFSET = 0x1;
    static final int TRUN_FIRST_SAMPLE_FLAGS = 0x4;
    static final int TRUN_SAMPLE_DURATION = 0x100;
    static final int TRUN_SAMPLE_SIZE = 0x200;
    static final int TRUN_SAMPLE_FLAGS = 0x400;
    /** Sample flags of a keyframe (depends on no other sample) and of a frame that is not one. */
    static final int SYNC_SAMPLE = 0x0200_0000;
    static final int NON_SYNC_SAMPLE = 0x0101_0000;

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
        return trak(trackId, handler, timescale, box("minf"));
    }

    /** A video trak whose sample table describes its one sample entry. */
    static byte[] videoTrak(int trackId, int timescale, byte[] sampleEntry) {
        byte[] stsd = fullBox("stsd", 0, 0, concat(ByteBuffer.allocate(4).putInt(1).array(), sampleEntry));
        return trak(trackId, "vide", timescale, box("minf", box("stbl", stsd)));
    }

    private static byte[] trak(int trackId, String handler, int timescale, byte[] minf) {
        byte[] tkhd = fullBox("tkhd", 0, 3, ByteBuffer.allocate(80).putInt(0).putInt(0).putInt(trackId).array());
        byte[] mdhd = fullBox("mdhd", 0, 0, ByteBuffer.allocate(20).putInt(0).putInt(0).putInt(timescale).array());
        byte[] hdlr = fullBox("hdlr", 0, 0, ByteBuffer.allocate(21).putInt(0)
                .put(handler.getBytes(StandardCharsets.ISO_8859_1)).array());
        return box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
    }

    /** A visual sample entry (avc1, hvc1...): 78 bytes of its own fields, the size among them, then its boxes. */
    static byte[] sampleEntry(String type, int width, int height, byte[]... configuration) {
        byte[] fields = ByteBuffer.allocate(78).position(24).putShort((short) width).putShort((short) height).array();
        return box(type, concat(fields, concat(configuration)));
    }

    static byte[] trex(int trackId, int defaultSampleDuration) {
        return trex(trackId, defaultSampleDuration, 0);
    }

    static byte[] trex(int trackId, int defaultSampleDuration, int defaultSampleFlags) {
        return fullBox("trex", 0, 0, ByteBuffer.allocate(20).putInt(trackId).putInt(1)
                .putInt(defaultSampleDuration).putInt(0).putInt(defaultSampleFlags).array());
    }

    static byte[] moov(byte[]... children) {
        return box("moov", children);
    }

    static byte[] mvex(byte[]... trexes) {
        return box("mvex", trexes);
    }

    static byte[] tfhd(int trackId, int flags, int defaultSampleDuration) {
        return tfhd(trackId, flags, defaultSampleDuration, 0);
    }

    static byte[] tfhd(int trackId, int flags, int defaultSampleDuration, int defaultSampleFlags) {
        ByteBuffer fields = ByteBuffer.allocate(24).putInt(trackId);
        if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
            fields.putLong(0);
        }
        if ((flags & TFHD_DEFAULT_SAMPLE_DURATION) != 0) {
            fields.putInt(defaultSampleDuration);
        }
        if ((flags & TFHD_DEFAULT_SAMPLE_FLAGS) != 0) {
            fields.putInt(defaultSampleFlags);
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
        return trunWithSampleFlags(0, durations);
    }

    /** A trun with per-sample duration, size and flags, every sample flagged {@code sampleFlags}. */
    static byte[] trunWithSampleFlags(int sampleFlags, int... durations) {
        ByteBuffer fields = ByteBuffer.allocate(8 + 12 * durations.length).putInt(durations.length).putInt(0);
        for (int duration : durations) {
            fields.putInt(duration).putInt(1000).putInt(sampleFlags);
        }
        return fullBox("trun", 0, TRUN_DATA_OFFSET | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS, fields.array());
    }

    /** A trun with per-sample durations and sizes, and flags for its first sample only. */
    static byte[] trunWithFirstSampleFlags(int firstSampleFlags, int... durations) {
        ByteBuffer fields = ByteBuffer.allocate(12 + 8 * durations.length).putInt(durations.length).putInt(0)
                .putInt(firstSampleFlags);
        for (int duration : durations) {
            fields.putInt(duration).putInt(1000);
        }
        return fullBox("trun", 0, TRUN_DATA_OFFSET | TRUN_FIRST_SAMPLE_FLAGS | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE,
                fields.array());
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

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
