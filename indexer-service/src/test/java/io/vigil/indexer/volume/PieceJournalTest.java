package io.vigil.indexer.volume;

import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.indexer.catalog.SessionOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PieceJournalTest {

    private static final String HEADER = """
            {"cameraId":"door","sessionId":"5f0c","codec":"avc1.64001f","start":"2026-11-22T10:00:00.040Z"}
            """;

    @TempDir
    Path dir;

    @Test
    void summarisesTheJournalledPieces() throws IOException {
        RecordingPath recording = recordingWithJournal(HEADER + piece(7, 0) + piece(8, 1) + piece(9, 2)
                + "{\"closeReason\":\"rotation\",\"end\":\"2026-11-22T10:00:03.040Z\"}\n");

        PieceJournal journal = PieceJournal.read(recording).orElseThrow();

        assertThat(journal).isEqualTo(new PieceJournal("5f0c", "avc1.64001f", Instant.parse("2026-11-22T10:00:00.040Z"), 7L, 9L, 3,
                RecordingReason.CONTINUOUS, null, SessionOrigin.UNKNOWN));
    }

    @Test
    void readsWhyTheSessionOfTheFileBegan() throws IOException {
        String header = HEADER.replace("}", ",\"sessionCause\":\"reconnect\",\"previousFailure\":\"timeout\",\"instance\":\"ingest-2\"}");
        String unknown = HEADER.replace("}", ",\"sessionCause\":\"teleport\",\"instance\":\"" + "x".repeat(300) + "\"}");

        PieceJournal journal = PieceJournal.read(recordingWithJournal(header + piece(0, 0))).orElseThrow();
        PieceJournal odd = PieceJournal.read(recordingWithJournal(unknown + piece(0, 0))).orElseThrow();

        assertThat(journal.session()).isEqualTo(new SessionOrigin(SessionCause.RECONNECT, "timeout", "ingest-2"));
        assertThat(odd.session()).isEqualTo(SessionOrigin.UNKNOWN);
    }

    @Test
    void readsTheReasonAndEventOfTheFile() throws IOException {
        String header = HEADER.replace("}", ",\"initBytes\":800,\"reason\":\"manual\",\"eventId\":\"77aa\"}");
        RecordingPath recording = recordingWithJournal(header + piece(0, 0));

        PieceJournal journal = PieceJournal.read(recording).orElseThrow();

        assertThat(journal.reason()).isEqualTo(RecordingReason.MANUAL);
        assertThat(journal.eventId()).isEqualTo("77aa");
        assertThat(journal.pieceCount()).isEqualTo(1);
    }

    @Test
    void aReasonItDoesNotKnowReadsAsContinuous() throws IOException {
        RecordingPath recording = recordingWithJournal(HEADER.replace("}", ",\"reason\":\"doorbell\",\"eventId\":null}") + piece(0, 0));

        PieceJournal journal = PieceJournal.read(recording).orElseThrow();

        assertThat(journal.reason()).isEqualTo(RecordingReason.CONTINUOUS);
        assertThat(journal.eventId()).isNull();
    }

    @Test
    void leavesOutATornLastLine() throws IOException {
        RecordingPath recording = recordingWithJournal(HEADER + piece(0, 0) + piece(1, 1) + "{\"seq\":2,\"offs");

        PieceJournal journal = PieceJournal.read(recording).orElseThrow();

        assertThat(journal.pieceCount()).isEqualTo(2);
        assertThat(journal.lastSequence()).isEqualTo(1);
    }

    @Test
    void takesTheFirstPiecesStartWhenTheHeaderHasNone() throws IOException {
        RecordingPath recording = recordingWithJournal("{\"cameraId\":\"door\",\"sessionId\":\"5f0c\"}\n" + piece(0, 3));

        assertThat(PieceJournal.read(recording).orElseThrow().start()).isEqualTo(Instant.parse("2026-11-22T10:00:03Z"));
    }

    @Test
    void isEmptyWithoutAJournalAndRefusesOneWithoutHeader() throws IOException {
        RecordingPath withoutJournal = new RecordingPath("door/a.mp4", "door", dir.resolve("a.mp4"));
        RecordingPath headless = recordingWithJournal(piece(0, 0));

        assertThat(PieceJournal.read(withoutJournal)).isEmpty();
        assertThatThrownBy(() -> PieceJournal.read(headless)).isInstanceOf(IOException.class).hasMessageContaining("header");
    }

    private RecordingPath recordingWithJournal(String journal) throws IOException {
        RecordingPath recording = new RecordingPath("door/b.mp4", "door", dir.resolve("b.mp4"));
        Files.writeString(recording.journal(), journal);
        return recording;
    }

    private static String piece(long seq, int second) {
        return "{\"seq\":" + seq + ",\"offset\":" + (800 + second * 1000) + ",\"length\":1000,\"start\":\"2026-11-22T10:00:0"
                + second + "Z\",\"durationMicros\":1000000}\n";
    }
}
