package io.vigil.fmp4;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream (a muxer's output) into complete top-level boxes, whatever sizes the writes
 * come in. A box header is a 32-bit big-endian size and a type; size 1 means a 64-bit size follows,
 * size 0 ("to end of file") is refused because a live stream has no end to run to.
 */
public final class BoxSplitter {

    private static final int MAX_BOX_BYTES = Integer.MAX_VALUE - 64;

    private byte[] pending = new byte[0];

    /** Adds bytes and returns every box they complete, in order. */
    public List<Box> feed(byte[] data, int offset, int length) {
        byte[] joined = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(data, offset, joined, pending.length, length);
        List<Box> boxes = new ArrayList<>();
        int position = 0;
        while (true) {
            long size = boxSize(joined, position);
            if (size < 0 || position + size > joined.length) {
                break;
            }
            int end = position + (int) size;
            boxes.add(new Box(Box.typeAt(joined, position), Arrays.copyOfRange(joined, position, end)));
            position = end;
        }
        pending = Arrays.copyOfRange(joined, position, joined.length);
        return boxes;
    }

    /** Bytes received that do not yet form a complete box. */
    public int pendingBytes() {
        return pending.length;
    }

    /** The size of the box at {@code position}, or -1 if its header is not complete yet. */
    private static long boxSize(byte[] buffer, int position) {
        int available = buffer.length - position;
        if (available < 8) {
            return -1;
        }
        long size = readUint32(buffer, position);
        if (size == 1) {
            if (available < 16) {
                return -1;
            }
            size = readInt64(buffer, position + 8);
            if (size < 16) {
                throw new Mp4FormatException("64-bit box size " + size + " is smaller than its header");
            }
        } else if (size == 0) {
            throw new Mp4FormatException("a box that runs to the end of the stream cannot be split");
        } else if (size < 8) {
            throw new Mp4FormatException("box size " + size + " is smaller than its header");
        }
        if (size > MAX_BOX_BYTES) {
            throw new Mp4FormatException("box of " + size + " bytes is larger than this splitter handles");
        }
        return size;
    }

    static long readUint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    static long readInt64(byte[] b, int at) {
        return (readUint32(b, at) << 32) | readUint32(b, at + 4);
    }

    /** Convenience for tests and small inputs: every complete box of {@code data}. */
    public static List<Box> split(byte[] data) {
        return new BoxSplitter().feed(data, 0, data.length);
    }

    static byte[] concat(List<Box> boxes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boxes.forEach(box -> out.writeBytes(box.bytes()));
        return out.toByteArray();
    }
}
