package io.vigil.fmp4;

import java.nio.charset.StandardCharsets;

/** One complete top-level ISO BMFF box: its four-character type and all its bytes, header included. */
public record Box(String type, byte[] bytes) {

    /** Reads the type of the box whose header starts at {@code offset}. */
    static String typeAt(byte[] buffer, int offset) {
        return new String(buffer, offset + 4, 4, StandardCharsets.ISO_8859_1);
    }

    public int size() {
        return bytes.length;
    }
}
