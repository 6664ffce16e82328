package io.vigil.ingest.media;

import java.nio.ByteBuffer;

/** Edits of an MP4's top-level boxes for test media that ffmpeg does not write itself. */
public final class Mp4Boxes {

    /** Widevine's DRM system id. */
    public static final String WIDEVINE = "edef8ba979d64acea3c827dcd51d21ed";

    private Mp4Boxes() {
    }

    /**
     * The file with a version-0 {@code pssh} box of {@code systemId} appended to its {@code moov}, which
     * must be the last top-level box (ffmpeg's default layout): no sample offset moves.
     */
    public static byte[] withPsshInMoov(byte[] mp4, byte[] systemId) {
        int at = 0;
        int moov = -1;
        while (at + 8 <= mp4.length) {
            int size = ByteBuffer.wrap(mp4, at, 4).getInt();
            String type = new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (size < 8 || at + size > mp4.length) {
                throw new IllegalArgumentException("not a plain MP4 box at " + at);
            }
            moov = type.equals("moov") ? at : -1;
            at += size;
        }
        if (moov < 0) {
            throw new IllegalArgumentException("moov is not the last box");
        }
        byte[] payload = {0x08, 0x01, 0x12, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        ByteBuffer pssh = ByteBuffer.allocate(8 + 4 + 16 + 4 + payload.length);
        pssh.putInt(pssh.capacity()).put("pssh".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0)
                .put(systemId).putInt(payload.length).put(payload);
        ByteBuffer out = ByteBuffer.allocate(mp4.length + pssh.capacity()).put(mp4).put(pssh.array());
        int moovSize = ByteBuffer.wrap(mp4, moov, 4).getInt();
        out.putInt(moov, moovSize + pssh.capacity());
        return out.array();
    }
}
