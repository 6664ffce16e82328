package io.vigil.fmp4;

/** Bytes that are not the fragmented MP4 they should be. */
public class Mp4FormatException extends RuntimeException {

    public Mp4FormatException(String message) {
        super(message);
    }
}
