package io.vigil.recorder.file;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;

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
     * @param reason    why the file is recorded (its first piece's reason); a journal written before
     *                  event recording has none and reads as continuous, and so does a reason this
     *                  version does not know (a file must never be lost to an unreadable header)
     * @param eventId   the event the file records; null for continuous recording
     * @param sessionCause why the file's ingest session began (its first piece's); a journal written
     *                  before session causes reads as unknown
     * @param previousFailure for a reconnect, the failure kind that ended the session before
     * @param instance  the ingest instance that ran the session
     */
    record Header(String cameraId, String sessionId, String codec, Instant start, int initBytes,
                  @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) RecordingReason reason,
                  String eventId,
                  @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) SessionCause sessionCause,
                  String previousFailure, String instance) implements JournalEntry {

        public Header {
            if (reason == null) {
                reason = RecordingReason.CONTINUOUS;
            }
            if (sessionCause == null) {
                sessionCause = SessionCause.UNKNOWN;
            }
        }

        /** A header that does not say why its session began. */
        public Header(String cameraId, String sessionId, String codec, Instant start, int initBytes,
                      RecordingReason reason, String eventId) {
            this(cameraId, sessionId, codec, start, initBytes, reason, eventId, SessionCause.UNKNOWN, null, null);
        }

        public RecordingKey key() {
            return RecordingKey.of(reason, eventId);
        }
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
