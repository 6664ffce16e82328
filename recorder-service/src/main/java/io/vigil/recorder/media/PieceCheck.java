package io.vigil.recorder.media;

import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;
import io.vigil.fmp4.Mp4FormatException;

import java.time.Instant;
import java.util.List;

/**
 * The recorder appends pieces to files byte for byte, so it checks their shape first: an init
 * segment of whole boxes holding ftyp and moov, and a fragment of whole boxes beginning with moof
 * and holding mdat. A piece that fails would make every player stop at it.
 */
final class PieceCheck {

    /**
     * A piece's start and end become file names, rotation arithmetic and event fields; outside
     * these bounds that arithmetic throws, which would stop the channel instead of skipping one
     * bad record. A start before the latest one leaves room for the longest piece within year 9999.
     */
    private static final Instant EARLIEST_START = Instant.EPOCH;
    private static final Instant LATEST_START = Instant.parse("9999-12-31T23:00:00Z");
    private static final long MAX_DURATION_MICROS = 3_600_000_000L;

    private PieceCheck() {
    }

    /** @throws MalformedRecordException saying what is wrong */
    static void requireWellFormed(MediaPiece piece) {
        PieceHeader header = piece.header();
        if (header.start() == null || header.start().isBefore(EARLIEST_START) || !header.start().isBefore(LATEST_START)) {
            throw new MalformedRecordException("piece start " + header.start() + " is outside 1970..9999");
        }
        if (header.durationMicros() < 0 || header.durationMicros() > MAX_DURATION_MICROS) {
            throw new MalformedRecordException("piece duration " + header.durationMicros() + " microseconds is outside 0..1 hour");
        }
        List<String> init = boxTypes(piece.init(), "init segment");
        if (!init.contains("ftyp") || !init.contains("moov")) {
            throw new MalformedRecordException("init segment holds " + init + ", not ftyp and moov");
        }
        List<String> fragment = boxTypes(piece.fragment(), "fragment");
        if (!fragment.get(0).equals("moof") || !fragment.contains("mdat")) {
            throw new MalformedRecordException("fragment holds " + fragment + ", not moof then mdat");
        }
    }

    private static List<String> boxTypes(byte[] bytes, String what) {
        try {
            BoxSplitter splitter = new BoxSplitter();
            List<String> types = splitter.feed(bytes, 0, bytes.length).stream().map(Box::type).toList();
            if (types.isEmpty() || splitter.pendingBytes() > 0) {
                throw new MalformedRecordException(what + " does not end at a box boundary");
            }
            return types;
        } catch (Mp4FormatException e) {
            throw new MalformedRecordException(what + " is not MP4 boxes: " + e.getMessage(), e);
        }
    }
}
