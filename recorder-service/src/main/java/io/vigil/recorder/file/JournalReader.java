package io.vigil.recorder.file;

import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a journal the way recovery needs it: line by line until the first line that is incomplete
 * (a write torn by a crash), malformed, or out of order. Everything before it is trusted, nothing after.
 */
public final class JournalReader {

    private JournalReader() {
    }

    public static JournalContents read(Path journal) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        JournalEntry.Header header = null;
        List<JournalEntry.Piece> pieces = new ArrayList<>();
        JournalEntry.Closing closing = null;
        List<Long> lineEnds = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < bytes.length && closing == null; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            Optional<JournalEntry> entry = parse(Arrays.copyOfRange(bytes, lineStart, i));
            if (entry.isEmpty()) {
                break;
            }
            if (header == null) {
                if (!(entry.get() instanceof JournalEntry.Header h)) {
                    break;
                }
                header = h;
            } else if (entry.get() instanceof JournalEntry.Piece piece && fitsAfter(pieces, header, piece)) {
                pieces.add(piece);
            } else if (entry.get() instanceof JournalEntry.Closing c) {
                closing = c;
            } else {
                break;
            }
            lineStart = i + 1;
            if (closing == null) {
                lineEnds.add((long) lineStart);
            }
        }
        return new JournalContents(header, List.copyOf(pieces), Optional.ofNullable(closing), lineStart, List.copyOf(lineEnds));
    }

    private static Optional<JournalEntry> parse(byte[] line) {
        try {
            return Optional.ofNullable(ContractJson.read(line, JournalEntry.class));
        } catch (MalformedRecordException e) {
            return Optional.empty();
        }
    }

    /** A piece must start where the previous one ended (or right after the init): anything else is not ours. */
    private static boolean fitsAfter(List<JournalEntry.Piece> pieces, JournalEntry.Header header, JournalEntry.Piece piece) {
        long expected = pieces.isEmpty() ? header.initBytes() : pieces.get(pieces.size() - 1).endOffset();
        return piece.offset() == expected && piece.length() > 0 && piece.start() != null;
    }
}
