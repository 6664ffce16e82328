package io.vigil.fmp4;

import java.io.ByteArrayOutputStream;

/** LEB128 varints (7 bits a byte, low bits first), and zigzag to keep small negative numbers small. */
final class Varint {

    private Varint() {
    }

    static void write(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("an unsigned varint cannot hold " + value);
        }
        writeBits(out, value);
    }

    /** Zigzag maps 0, -1, 1, -2… to 0, 1, 2, 3… */
    static void writeSigned(ByteArrayOutputStream out, long value) {
        writeBits(out, (value << 1) ^ (value >> 63));
    }

    private static void writeBits(ByteArrayOutputStream out, long bits) {
        while ((bits & ~0x7FL) != 0) {
            out.write((int) ((bits & 0x7F) | 0x80));
            bits >>>= 7;
        }
        out.write((int) bits);
    }

    /** Reads varints from a byte array, refusing to run past its end. */
    static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        long read() {
            long value = readBits();
            if (value < 0) {
                throw new Mp4FormatException("varint ending at byte " + position + " is too large");
            }
            return value;
        }

        long readSigned() {
            long zigzag = readBits();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        int remaining() {
            return bytes.length - position;
        }

        private long readBits() {
            long bits = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new Mp4FormatException("varint cut short at byte " + position);
                }
                int b = bytes[position++];
                bits |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return bits;
                }
            }
            throw new Mp4FormatException("varint longer than 64 bits ending at byte " + position);
        }
    }
}
