package io.vigil.recorder.file;

import java.util.List;
import java.util.Optional;

/**
 * What a journal says, up to its last complete, well-formed line.
 *
 * @param header     the file's header line, or null if even that is missing (a crash while creating the file)
 * @param pieces     the pieces in file order
 * @param closing    present once the file was closed and announced
 * @param validBytes length of the journal up to the end of the last line kept; anything after it is torn
 * @param lineEnds   journal offset just after the header line (index 0) and after each piece line (1..n)
 */
public record JournalContents(
        JournalEntry.Header header,
        List<JournalEntry.Piece> pieces,
        Optional<JournalEntry.Closing> closing,
        long validBytes,
        List<Long> lineEnds) {

    public boolean isClosed() {
        return closing.isPresent();
    }

    public Optional<JournalEntry.Piece> lastPiece() {
        return pieces.isEmpty() ? Optional.empty() : Optional.of(pieces.get(pieces.size() - 1));
    }

    /** End of the last journalled piece in the media file: everything after it is unacknowledged. */
    public long mediaEnd() {
        return lastPiece().map(JournalEntry.Piece::endOffset).orElse(0L);
    }

    /**
     * The journal without the pieces whose bytes are not all in a media file of {@code mediaSize}
     * bytes. Only possible when fsync was not per piece and the machine lost power.
     */
    public JournalContents within(long mediaSize) {
        int keep = 0;
        while (keep < pieces.size() && pieces.get(keep).endOffset() <= mediaSize) {
            keep++;
        }
        if (keep == pieces.size()) {
            return this;
        }
        return new JournalContents(header, List.copyOf(pieces.subList(0, keep)), Optional.empty(),
                lineEnds.get(keep), List.copyOf(lineEnds.subList(0, keep + 1)));
    }
}
