package io.vigil.recorder.file;

import io.vigil.contracts.MediaPiece;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.RealStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A really full disk: a small tmpfs, mounted where the machine allows it (root with CAP_SYS_ADMIN). */
class DiskFullTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private Path root;
    private final RealStream stream = RealStream.hd();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        root = dir.resolve("small-disk");
        Files.createDirectories(root);
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", root.toString()) == 0,
                "cannot mount a tmpfs here; the disk-full test needs root with CAP_SYS_ADMIN");
    }

    @AfterEach
    void unmount() throws Exception {
        exec("umount", root.toString());
    }

    @Test
    void aPieceThatDoesNotFitLeavesNoTraceAndIsWrittenOnceSpaceIsBack() throws IOException {
        Path ballast = root.resolve("ballast");
        Files.write(ballast, new byte[160 * 1024]);
        SegmentWriter writer = SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE);
        int seq = 0;
        IOException full = null;
        while (full == null && seq < stream.pieces()) {
            try {
                writer.append(piece(seq));
                seq++;
            } catch (IOException e) {
                full = e;
            }
        }
        assertThat(full).as("the small disk filled up").isNotNull();
        assertThat(full.getMessage()).contains("No space left on device");
        assertThat(Files.size(writer.name().media(root))).isEqualTo(writer.size());
        assertThat(JournalReader.read(writer.name().journal(root)).pieces()).hasSize(seq);

        final int failed = seq;
        assertThatThrownBy(() -> writer.append(piece(failed))).isInstanceOf(IOException.class);
        Files.delete(ballast);
        writer.append(piece(seq));
        writer.finish(CloseReason.IDLE);

        JournalContents journal = JournalReader.read(writer.name().journal(root));
        assertThat(journal.pieces()).extracting(JournalEntry.Piece::seq).hasSize(seq + 1).doesNotHaveDuplicates();
        assertThat(Files.size(writer.name().media(root))).isEqualTo(journal.mediaEnd());
        assertThat(Ffprobe.probe(writer.name().media(root)).packets()).isEqualTo((seq + 1) * 25);
    }

    @Test
    void aJournalWhoseHeaderDoesNotFitIsRemovedSoRetriesKeepTheName() throws IOException {
        Path day = RecordingName.of("door", T0).media(root).getParent();
        Files.createDirectories(day);
        try {
            Files.write(root.resolve("ballast"), new byte[1024 * 1024]);
        } catch (IOException full) {
            // expected: the disk is now full to the last page
        }

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> SegmentWriter.create(root, piece(0), FsyncPolicy.PIECE))
                    .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        }

        try (Stream<Path> left = Files.list(day)) {
            assertThat(left).as("files left by the failed attempts").isEmpty();
        }
    }

    private MediaPiece piece(int seq) {
        return stream.piece("door", "s1", seq, T0, 900);
    }

    private static int exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
