package io.vigil.recorder.media;

import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;
import io.vigil.fmp4.Mp4FormatException;

import java.util.List;

/**
 * The recorder appends pieces to files byte for byte, so it checks their shape first: an init
 * segment of whole boxes holding ftyp and moov, and a fragment of whole boxes beginning with moof
 * and holding mdat. A piece that fails would make every player stop at it.
 */
final class PieceCheck {

    private PieceCheck() {
    }

    /** @throws MalformedRecordException saying what is wrong */
    static void requireWellFormed(MediaPiece piece) {
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
