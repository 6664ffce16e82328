package io.vigil.fmp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A box already in memory, seen as its type and payload, for walking down container boxes
 * (moov → trak → mdia → mdhd). Reads never copy: the payload is a big-endian slice, and field
 * offsets count from its start.
 */
record BoxView(String type, ByteBuffer payload) {

    /** The box that fills {@code bytes} (a whole top-level box as read from a file or split from a stream). */
    static BoxView of(byte[] bytes) {
        List<BoxView> boxes = topLevel(bytes);
        if (boxes.size() != 1) {
            throw new Mp4FormatException("expected one box, found " + boxes.size());
        }
        return boxes.get(0);
    }

    /** The boxes laid end to end in {@code bytes} (an init segment: ftyp then moov). */
    static List<BoxView> topLevel(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    List<BoxView> children() {
        return parse(payload.duplicate());
    }

    /** Children of a box whose payload starts with {@code skip} bytes of its own fields (a sample entry, stsd). */
    List<BoxView> children(int skip) {
        ByteBuffer rest = payload.duplicate();
        requireBytes(rest, skip);
        rest.position(rest.position() + skip);
        return parse(rest);
    }

    List<BoxView> children(String childType) {
        return children().stream().filter(child -> child.type.equals(childType)).toList();
    }

    Optional<BoxView> child(String childType) {
        return children().stream().filter(child -> child.type.equals(childType)).findFirst();
    }

    BoxView require(String childType) {
        return child(childType).orElseThrow(() -> new Mp4FormatException(type + " has no " + childType + " box"));
    }

    /** A "full box" starts with a version byte and 24 bits of flags. */
    int version() {
        return u8(0);
    }

    int flags() {
        return (int) (u32(0) & 0xFF_FFFF);
    }

    /**
     * Where payload byte {@code at} lies in the array the outermost box was wrapped from, so a
     * caller holding that array can patch a field in place.
     */
    int arrayIndex(int at) {
        if (!payload.hasArray()) {
            throw new IllegalStateException("box is not backed by an array");
        }
        return payload.arrayOffset() + payload.position() + at;
    }

    /** Bytes of payload. */
    int size() {
        return payload.remaining();
    }

    int u8(int at) {
        requireBytes(payload, at + 1);
        return payload.get(payload.position() + at) & 0xFF;
    }

    int u16(int at) {
        requireBytes(payload, at + 2);
        return payload.getShort(payload.position() + at) & 0xFFFF;
    }

    long u32(int at) {
        requireBytes(payload, at + 4);
        return payload.getInt(payload.position() + at) & 0xFFFF_FFFFL;
    }

    /** A 64-bit field; MP4 never needs its sign bit. */
    long u64(int at) {
        requireBytes(payload, at + 8);
        return payload.getLong(payload.position() + at);
    }

    private static void requireBytes(ByteBuffer buffer, int length) {
        if (buffer.remaining() < length) {
            throw new Mp4FormatException("box of " + buffer.remaining() + " bytes is too short for its fields");
        }
    }

    private static List<BoxView> parse(ByteBuffer buffer) {
        List<BoxView> boxes = new ArrayList<>();
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = buffer.getInt() & 0xFFFF_FFFFL;
            byte[] fourCc = new byte[4];
            buffer.get(fourCc);
            String type = new String(fourCc, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                if (buffer.remaining() < 8) {
                    throw new Mp4FormatException(type + " box header is cut short");
                }
                size = buffer.getLong();
            } else if (size == 0) {
                size = buffer.limit() - start;
            }
            int headerSize = buffer.position() - start;
            if (size < headerSize || size > buffer.limit() - start) {
                throw new Mp4FormatException(type + " box of " + size + " bytes does not fit its parent");
            }
            int end = start + (int) size;
            ByteBuffer body = buffer.duplicate();
            body.limit(end);
            boxes.add(new BoxView(type, body.slice()));
            buffer.position(end);
        }
        return boxes;
    }
}
