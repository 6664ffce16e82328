package io.vigil.fmp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A box already in memory, seen as its type and payload, for walking down container boxes
 * (moov → trak → mdia → mdhd). Reads never copy: the payload is a big-endian slice.
 */
record BoxView(String type, ByteBuffer payload) {

    /** The box that fills {@code bytes} (a whole top-level box as read from a file). */
    static BoxView of(byte[] bytes) {
        List<BoxView> boxes = parse(ByteBuffer.wrap(bytes));
        if (boxes.size() != 1) {
            throw new Mp4FormatException("expected one box, found " + boxes.size());
        }
        return boxes.get(0);
    }

    List<BoxView> children() {
        return parse(payload.duplicate());
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

    /** The payload of a "full box": version in the high byte of the first word, flags in the low 24 bits. */
    int version() {
        return (int) (uint32(payload, 0) >>> 24);
    }

    int flags() {
        return (int) (uint32(payload, 0) & 0xFF_FFFF);
    }

    /** The payload positioned after the full-box version and flags. */
    ByteBuffer fullBoxBody() {
        ByteBuffer body = payload.duplicate();
        body.position(body.position() + 4);
        return body;
    }

    /** An unsigned 32-bit field {@code at} bytes into {@code body}. */
    static long uint32(ByteBuffer body, int at) {
        requireBytes(body, at + 4);
        return body.getInt(body.position() + at) & 0xFFFF_FFFFL;
    }

    /** A 64-bit field {@code at} bytes into {@code body}; MP4 never needs its sign bit. */
    static long int64(ByteBuffer body, int at) {
        requireBytes(body, at + 8);
        return body.getLong(body.position() + at);
    }

    private static void requireBytes(ByteBuffer body, int length) {
        if (body.remaining() < length) {
            throw new Mp4FormatException("box of " + body.remaining() + " bytes is too short for its fields");
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
