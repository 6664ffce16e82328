package io.vigil.recorder.file;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * One line of a recording's journal ({@code <file>.mp4.pieces}, JSON lines): a {@link Header}
 * first, then one {@link Piece} per piece whose bytes are in the file, and a {@link Closing} once
 * the file was announced as finished. The kinds are told apart by their fields, so a line reads
 * exactly as docs/architecture.md shows it, with no type tag.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(JournalEntry.Header.class),
        @JsonSubTypes.Type(JournalEntry.Piece.class),
        @JsonSubTypes.Type(JournalEntry.Closing.class)})
public sealed interface JournalEntry {

    /**
     * Describes the file.
     *
     * @param start     wall-clock start of the first piece
     * @param initBytes length of the init segment at the start of the file
     */
    record Header(String cameraId, String sessionId, String codec, Instant start, int initBytes) implements JournalEntry {
    }

    /**
     * One piece (a fragment: moof+mdat) in the file.
     *
     * @param offset where the fragment starts in the file
     * @param length its size in bytes
     */
    record Piece(long seq, long offset, long length, Instant start, long durationMicros) implements JournalEntry {

        /** Where the next piece goes: the end of this one in the file. */
        public long endOffset() {
            return offset + length;
        }

        public Instant end() {
            return start.plusNanos(durationMicros * 1_000L);
        }
    }

    /** Written after the file was announced: nobody may append to it any more. */
    record Closing(String closeReason, Instant end) implements JournalEntry {
    }
}
