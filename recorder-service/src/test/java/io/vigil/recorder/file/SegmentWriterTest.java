package io.vigil.recorder.file;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.SessionCause;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.RealStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.400Z");

    @TempDir
    Path root;

    private final RealStream stream = RealStream.hd();

    @Test
    void writesTheInitOnceThenEachFragmentAndAValidMp4() throws IOException {
        SegmentWriter writer = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        for (int seq = 0; seq < 5; seq++) {
            writer.append(piece(seq));
        }
        RecordingClosed closed = writer.closedEvent(CloseReason.ROTATION);
        writer.finish(CloseReason.ROTATION);

        Path media = root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        assertThat(closed.path()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        long expectedBytes = stream.init().length;
        for (int seq = 0; seq < 5; seq++) {
            expectedBytes += piece(seq).fragment().length;
        }
        assertThat(Files.size(media)).isEqualTo(expectedBytes).isEqualTo(closed.bytes());
        assertThat(closed.pieceCount()).isEqualTo(5);
        assertThat(closed.firstSequence()).isZero();
        assertThat(closed.lastSequence()).isEqualTo(4);
        assertThat(closed.start()).isEqualTo(T0);
        assertThat(closed.end()).isEqualTo(T0.plusSeconds(5));
        assertThat(closed.closeReason()).isEqualTo("rotation");

        Ffprobe.Probe probe = Ffprobe.probe(media);
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.packets()).isEqualTo(5 * 25);

        JournalContents journal = JournalReader.read(root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4.pieces"));
        assertThat(journal.header().sessionId()).isEqualTo("s1");
        assertThat(journal.header().initBytes()).isEqualTo(stream.init().length);
        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(journal.mediaEnd()).isEqualTo(expectedBytes);
        assertThat(journal.closing()).map(JournalEntry.Closing::closeReason).contains("rotation");
    }

    @Test
    void whyTheSessionBeganGoesIntoTheJournalAndTheAnnouncement() throws IOException {
        MediaPiece first = reconnected(piece(0));
        SegmentWriter writer = SegmentWriter.create(root, first, FsyncPolicy.PIECE);
        writer.append(first);
        writer.append(reconnected(piece(1)));
        RecordingClosed closed = writer.closedEvent(CloseReason.SESSION);
        writer.finish(CloseReason.SESSION);

        JournalContents journal = JournalReader.read(writer.name().journal(root));
        assertThat(journal.header().sessionCause()).isEqualTo(SessionCause.RECONNECT);
        assertThat(journal.header().previousFailure()).isEqualTo("timeout");
        assertThat(journal.header().instance()).isEqualTo("ingest-2");
        assertThat(closed.v()).isEqualTo(RecordingClosed.VERSION);
        assertThat(closed.sessionCause()).isEqualTo(SessionCause.RECONNECT);
        assertThat(closed.previousFailure()).isEqualTo("timeout");
        assertThat(closed.instance()).isEqualTo("ingest-2");
    }

    private static MediaPiece reconnected(MediaPiece piece) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), h.start(), h.durationMicros(),
                h.codec(), h.keyframe(), h.rotationSeconds(), h.reason(), h.eventId(), SessionCause.RECONNECT, "timeout", "ingest-2"),
                piece.init(), piece.fragment());
    }

    @Test
    void aNameTakenInTheSameSecondGetsASuffixAndNothingIsOverwritten() throws IOException {
        SegmentWriter first = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        first.append(piece(0));
        // a media file someone else left, without our journal: not ours, skip its name too
        Path foreign = root.resolve("door/2026-11-22/door_2026-11-22_10-00-00_1.mp4");
        Files.writeString(foreign, "not ours");

        SegmentWriter second = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        second.append(piece(0));

        assertThat(first.name().relativePath()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        assertThat(second.name().relativePath()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00_2.mp4");
        assertThat(Files.readString(foreign)).isEqualTo("not ours");
        assertThat(Files.exists(root.resolve("door/2026-11-22/door_2026-11-22_10-00-00_1.mp4.pieces"))).isFalse();
        assertThat(Files.size(first.name().media(root))).isEqualTo(Files.size(second.name().media(root)));
        first.close();
        second.close();
    }

    @Test
    void aTornTailFromAFailedWriteIsCutBeforeTheNextPiece() throws IOException {
        SegmentWriter writer = SegmentWriter.create(root, piece(0), FsyncPolicy.CLOSE);
        writer.append(piece(0));
        long good = writer.size();
        // what a write interrupted half-way leaves behind
        Files.write(writer.name().media(root), new byte[]{1, 2, 3, 4, 5}, StandardOpenOption.APPEND);

        writer.append(piece(1));
        writer.finish(CloseReason.IDLE);

        assertThat(Files.size(writer.name().media(root))).isEqualTo(good + piece(1).fragment().length);
        assertThat(Ffprobe.probe(writer.name().media(root)).packets()).isEqualTo(50);
    }

    @Test
    void aFileWhoseFirstPieceNeverArrivedCanBeDiscardedButNotOneWithPieces() throws IOException {
        SegmentWriter empty = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        empty.discard();
        assertThat(empty.name().media(root)).doesNotExist();
        assertThat(empty.name().journal(root)).doesNotExist();

        SegmentWriter written = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        written.append(piece(0));
        assertThatThrownBy(written::discard).isInstanceOf(IllegalStateException.class);
        assertThat(written.name().media(root)).exists();
    }

    private MediaPiece piece(int seq) {
        return stream.piece("door", "s1", seq, T0, 900);
    }
}
