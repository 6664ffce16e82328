package io.vigil.ingest.fragment;

import io.vigil.fmp4.Mp4FormatException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A box in memory, seen as its type and payload, for walking down from a top-level box
 * (moov → trak → mdia → mdhd). Reads never copy: the payload is a big-endian slice.
 */
record Mp4Box(String type, ByteBuffer payload) {

    /** The box that fills {@code bytes}, as {@link io.vigil.fmp4.BoxSplitter} hands it out. */
    static Mp4Box of(byte[] bytes) {
        List<Mp4Box> boxes = parse(ByteBuffer.wrap(bytes));
        if (boxes.size() != 1) {
            throw new Mp4FormatException("expected one box, found " + boxes.size());
        }
        return boxes.get(0);
    }

    List<Mp4Box> children() {
        return parse(payload.duplicate());
    }

    /** Children of a box whose payload starts with {@code skip} bytes of its own fields (a sample entry, stsd). */
    List<Mp4Box> children(int skip) {
        ByteBuffer rest = payload.duplicate();
        require(rest, skip);
        rest.position(rest.position() + skip);
        return parse(rest);
    }

    List<Mp4Box> all(String childType) {
        return children().stream().filter(child -> child.type.equals(childType)).toList();
    }

    Optional<Mp4Box> child(String childType) {
        return children().stream().filter(child -> child.type.equals(childType)).findFirst();
    }

    Mp4Box require(String childType) {
        return child(childType).orElseThrow(() -> new Mp4FormatException(type + " has no " + childType + " box"));
    }

    /** Full boxes start with a version byte and 24 bits of flags. */
    int version() {
        return u8(0);
    }

    int flags() {
        return (int) (u32(0) & 0xFF_FFFF);
    }

    int u8(int at) {
        require(payload, at + 1);
        return payload.get(payload.position() + at) & 0xFF;
    }

    long u32(int at) {
        require(payload, at + 4);
        return payload.getInt(payload.position() + at) & 0xFFFF_FFFFL;
    }

    long u64(int at) {
        require(payload, at + 8);
        return payload.getLong(payload.position() + at);
    }

    private static void require(ByteBuffer buffer, int length) {
        if (buffer.remaining() < length) {
            throw new Mp4FormatException("box of " + buffer.remaining() + " bytes is too short for its fields");
        }
    }

    private static List<Mp4Box> parse(ByteBuffer buffer) {
        List<Mp4Box> boxes = new ArrayList<>();
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = buffer.getInt() & 0xFFFF_FFFFL;
            byte[] fourCc = new byte[4];
            buffer.get(fourCc);
            String type = new String(fourCc, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                require(buffer, 8);
                size = buffer.getLong();
            } else if (size == 0) {
                size = buffer.limit() - start;
            }
            int headerSize = buffer.position() - start;
            if (size < headerSize || size > buffer.limit() - start) {
                throw new Mp4FormatException(type + " box of " + size + " bytes does not fit its parent");
            }
            int end = start + (int) size;
            ByteBuffer payload = buffer.duplicate();
            payload.limit(end);
            boxes.add(new Mp4Box(type, payload.slice()));
            buffer.position(end);
        }
        return boxes;
    }
}
