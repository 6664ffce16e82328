package io.vigil.fmp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The header of a top-level box in a file: its type and the byte range it covers. */
record BoxHeader(String type, long offset, long size) {

    /**
     * The box starting at {@code offset}, or empty when the file ends before the box does (a file
     * cut by a crash, or still being written).
     */
    static Optional<BoxHeader> read(FileChannel file, long offset, long fileSize) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16);
        int length = readFully(file, header, offset);
        if (length < 8) {
            return Optional.empty();
        }
        long size = header.getInt(0) & 0xFFFF_FFFFL;
        String type = type(header, offset);
        int headerSize = 8;
        if (size == 1) {
            if (length < 16) {
                return Optional.empty();
            }
            size = header.getLong(8);
            headerSize = 16;
        } else if (size == 0) {
            size = fileSize - offset; // "runs to the end of the file"
        }
        if (size < headerSize) {
            throw new Mp4FormatException(type + " box at byte " + offset + " has an impossible size " + size);
        }
        return offset + size > fileSize ? Optional.empty() : Optional.of(new BoxHeader(type, offset, size));
    }

    long end() {
        return offset + size;
    }

    /** The whole box, header included. */
    byte[] readAll(FileChannel file, long maxSize) throws IOException {
        if (size > maxSize) {
            throw new Mp4FormatException(type + " box at byte " + offset + " is " + size
                    + " bytes, more than the " + maxSize + " a metadata box may take");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        if (readFully(file, bytes, offset) < size) {
            throw new Mp4FormatException(type + " box at byte " + offset + " is cut short");
        }
        return bytes.array();
    }

    private static String type(ByteBuffer header, long offset) {
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        // box types are printable four-character codes; anything else means this is not an MP4
        if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new Mp4FormatException("not an MP4 file: no box header at byte " + offset);
        }
        return type;
    }

    private static int readFully(FileChannel file, ByteBuffer into, long offset) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int read = file.read(into, offset + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }
}
