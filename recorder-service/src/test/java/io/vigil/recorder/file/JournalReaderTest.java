package io.vigil.recorder.file;

import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JournalReaderTest {

    private static final String HEADER = "{\"cameraId\":\"door\",\"sessionId\":\"s1\",\"codec\":\"avc1.42c01f\",\"start\":\"2026-11-22T10:00:00Z\",\"initBytes\":100}\n";
    private static final String PIECE_0 = "{\"seq\":0,\"offset\":100,\"length\":50,\"start\":\"2026-11-22T10:00:00Z\",\"durationMicros\":1000000}\n";
    private static final String PIECE_1 = "{\"seq\":1,\"offset\":150,\"length\":70,\"start\":\"2026-11-22T10:00:01Z\",\"durationMicros\":1000000}\n";

    @TempDir
    Path dir;

    @Test
    void readsHeaderPiecesAndClosing() throws IOException {
        JournalContents journal = read(HEADER + PIECE_0 + PIECE_1 + "{\"closeReason\":\"idle\",\"end\":\"2026-11-22T10:00:02Z\"}\n");

        assertThat(journal.header().sessionId()).isEqualTo("s1");
        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L, 1L);
        assertThat(journal.mediaEnd()).isEqualTo(220);
        assertThat(journal.closing()).map(JournalEntry.Closing::closeReason).contains("idle");
    }

    @Test
    void aHeaderWrittenBeforeEventRecordingReadsAsContinuous() throws IOException {
        JournalContents journal = read(HEADER + PIECE_0);

        assertThat(journal.header().reason()).isEqualTo(RecordingReason.CONTINUOUS);
        assertThat(journal.header().eventId()).isNull();
        assertThat(journal.header().key()).isEqualTo(RecordingKey.CONTINUOUS);
        assertThat(journal.pieces()).hasSize(1);
    }

    @Test
    void aHeaderWrittenBeforeSessionCausesReadsAsUnknownAndANewOneKeepsThem() throws IOException {
        JournalContents old = read(HEADER + PIECE_0);
        JournalContents recent = read(HEADER.replace("\"initBytes\":100", "\"initBytes\":100,\"sessionCause\":\"reconnect\","
                + "\"previousFailure\":\"refused\",\"instance\":\"ingest-1\"") + PIECE_0);

        assertThat(old.header().sessionCause()).isEqualTo(SessionCause.UNKNOWN);
        assertThat(old.header().previousFailure()).isNull();
        assertThat(old.pieces()).hasSize(1);
        assertThat(recent.header().sessionCause()).isEqualTo(SessionCause.RECONNECT);
        assertThat(recent.header().previousFailure()).isEqualTo("refused");
        assertThat(recent.header().instance()).isEqualTo("ingest-1");
        assertThat(recent.pieces()).hasSize(1);
    }

    @Test
    void readsTheEventAFileRecords() throws IOException {
        JournalContents journal = read(HEADER.replace("\"initBytes\":100", "\"initBytes\":100,\"reason\":\"motion\",\"eventId\":\"1b4e\"")
                + PIECE_0);

        assertThat(journal.header().reason()).isEqualTo(RecordingReason.MOTION);
        assertThat(journal.header().eventId()).isEqualTo("1b4e");
        assertThat(journal.header().initBytes()).isEqualTo(100);
        assertThat(journal.pieces()).hasSize(1);
    }

    @Test
    void aReasonThisVersionDoesNotKnowStillLeavesTheHeaderReadable() throws IOException {
        JournalContents journal = read(HEADER.replace("\"initBytes\":100", "\"initBytes\":100,\"reason\":\"doorbell\",\"eventId\":\"x\"")
                + PIECE_0);

        assertThat(journal.header().sessionId()).isEqualTo("s1");
        assertThat(journal.header().reason()).isEqualTo(RecordingReason.CONTINUOUS);
        assertThat(journal.pieces()).hasSize(1);
    }

    @Test
    void stopsAtATornLastLine() throws IOException {
        String torn = PIECE_1.substring(0, 30);
        JournalContents journal = read(HEADER + PIECE_0 + torn);

        assertThat(journal.pieces()).hasSize(1);
        assertThat(journal.isClosed()).isFalse();
        assertThat(journal.validBytes()).isEqualTo((HEADER + PIECE_0).length());
    }

    @Test
    void stopsAtAPieceThatDoesNotFollowThePreviousOne() throws IOException {
        String overlapping = PIECE_1.replace("\"offset\":150", "\"offset\":140");
        JournalContents journal = read(HEADER + PIECE_0 + overlapping + PIECE_1);

        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L);
    }

    @Test
    void aJournalWithoutItsHeaderHasNothingToTrust() throws IOException {
        JournalContents journal = read(HEADER.substring(0, 20));

        assertThat(journal.header()).isNull();
        assertThat(journal.pieces()).isEmpty();
        assertThat(journal.validBytes()).isZero();
    }

    @Test
    void withinAMediaFileDropsThePiecesItDoesNotHold() throws IOException {
        JournalContents journal = read(HEADER + PIECE_0 + PIECE_1).within(200);

        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L);
        assertThat(journal.validBytes()).isEqualTo((HEADER + PIECE_0).length());
        assertThat(journal.mediaEnd()).isEqualTo(150);
    }

    private JournalContents read(String text) throws IOException {
        Path file = dir.resolve("j.mp4.pieces");
        Files.writeString(file, text);
        return JournalReader.read(file);
    }
}
