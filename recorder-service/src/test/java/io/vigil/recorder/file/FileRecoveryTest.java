package io.vigil.recorder.file;

import io.vigil.contracts.MediaPiece;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.RealStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path root;

    private final RealStream stream = RealStream.hd();

    @Test
    void aTornWriteDoesNotSurviveAndTheFileGoesOn() throws IOException {
        SegmentWriter crashed = SegmentWriter.create(root, piece("s1", 0), FsyncPolicy.PIECE);
        for (int seq = 0; seq < 3; seq++) {
            crashed.append(piece("s1", seq));
        }
        long good = crashed.size();
        crashed.close(); // the process dies: no closing line
        // half of piece 3 reached the file, and half of its journal line
        byte[] half = Arrays.copyOf(piece("s1", 3).fragment(), 20_000);
        Files.write(crashed.name().media(root), half, StandardOpenOption.APPEND);
        Files.writeString(crashed.name().journal(root), "{\"seq\":3,\"off", StandardOpenOption.APPEND);

        FileRecovery.Result result = FileRecovery.recover(root, "door", FsyncPolicy.PIECE, 8);

        SegmentWriter resumed = result.openFile().orElseThrow();
        assertThat(resumed.name()).isEqualTo(crashed.name());
        assertThat(resumed.lastSequence()).isEqualTo(2);
        assertThat(resumed.size()).isEqualTo(good);
        assertThat(Files.size(crashed.name().media(root))).isEqualTo(good);
        assertThat(result.lastSequenceBySession()).containsEntry("s1", 2L);

        resumed.append(piece("s1", 3));
        resumed.finish(CloseReason.IDLE);
        JournalContents journal = JournalReader.read(crashed.name().journal(root));
        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L, 1L, 2L, 3L);
        assertThat(journal.isClosed()).isTrue();
        assertThat(Ffprobe.probe(crashed.name().media(root)).packets()).isEqualTo(4 * 25);
    }

    @Test
    void aClosedNewestFileIsNotReopenedButItsSequencesCount() throws IOException {
        SegmentWriter older = SegmentWriter.create(root, piece("s1", 0), FsyncPolicy.PIECE);
        older.append(piece("s1", 0));
        older.append(piece("s1", 1));
        older.finish(CloseReason.SESSION);
        SegmentWriter newer = SegmentWriter.create(root, piece("s2", 5), FsyncPolicy.PIECE);
        newer.append(piece("s2", 5));
        newer.finish(CloseReason.IDLE);

        FileRecovery.Result result = FileRecovery.recover(root, "door", FsyncPolicy.PIECE, 8);

        assertThat(result.openFile()).isEmpty();
        assertThat(result.lastSequenceBySession()).containsEntry("s1", 1L).containsEntry("s2", 5L);
    }

    @Test
    void aFileCreatedJustBeforeACrashIsRemoved() throws IOException {
        SegmentWriter older = SegmentWriter.create(root, piece("s1", 0), FsyncPolicy.PIECE);
        older.append(piece("s1", 0));
        older.close();
        SegmentWriter empty = SegmentWriter.create(root, piece("s2", 1), FsyncPolicy.PIECE);
        empty.close(); // died before the first piece was written

        FileRecovery.Result result = FileRecovery.recover(root, "door", FsyncPolicy.PIECE, 8);

        assertThat(Files.exists(empty.name().media(root))).isFalse();
        assertThat(Files.exists(empty.name().journal(root))).isFalse();
        assertThat(result.openFile()).map(SegmentWriter::name).contains(older.name());
        result.openFile().get().close();
    }

    @Test
    void anUnreadableOlderJournalDoesNotLeaveTheReopenedFileOpen() throws IOException {
        SegmentWriter newest = SegmentWriter.create(root, piece("s1", 5), FsyncPolicy.PIECE);
        newest.append(piece("s1", 5));
        newest.close(); // unclosed: recovery reopens it before reading the older journals
        // an older "journal" that cannot be read
        Files.createDirectory(RecordingName.of("door", T0).journal(root));

        assertThatThrownBy(() -> FileRecovery.recover(root, "door", FsyncPolicy.PIECE, 8)).isInstanceOf(IOException.class);

        assertThat(openDescriptorsOf(newest.name().media(root))).as("descriptors still open on the media file").isZero();
        assertThat(openDescriptorsOf(newest.name().journal(root))).as("descriptors still open on the journal").isZero();
    }

    @Test
    void aCameraWithoutFilesHasNothingToRecover() throws IOException {
        FileRecovery.Result result = FileRecovery.recover(root, "door", FsyncPolicy.PIECE, 8);

        assertThat(result.openFile()).isEmpty();
        assertThat(result.lastSequenceBySession()).isEmpty();
    }

    private MediaPiece piece(String session, int seq) {
        return stream.piece("door", session, seq, T0, 900);
    }

    /** Counts this process's descriptors on {@code file}, from /proc (the test is skipped elsewhere). */
    private static long openDescriptorsOf(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc to see open descriptors");
        Path real = file.toRealPath();
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false; // closed meanwhile (the listing's own descriptor)
                }
            }).count();
        }
    }
}
