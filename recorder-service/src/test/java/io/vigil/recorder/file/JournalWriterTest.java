package io.vigil.recorder.file;

import io.vigil.contracts.RecordingReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final JournalEntry.Header HEADER = new JournalEntry.Header("door", "s1", "avc1.64001f", T0, 100,
            RecordingReason.CONTINUOUS, null);

    @TempDir
    Path dir;

    @Test
    void aPieceLineWhoseFsyncFailsIsCutOffSoTheRetryWritesItOnce() throws IOException {
        Path path = dir.resolve("door.mp4.pieces");
        FailingChannel channel = new FailingChannel(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        try (JournalWriter journal = new JournalWriter(channel, 0)) {
            journal.append(HEADER, true);
            long headerBytes = Files.size(path);

            channel.failNextForce();
            assertThatThrownBy(() -> journal.append(piece(0), true)).isInstanceOf(IOException.class);
            assertThat(Files.size(path)).as("the failed line is cut off").isEqualTo(headerBytes);

            journal.append(piece(0), true); // the retry
            journal.append(piece(1), true);
        }

        JournalContents contents = JournalReader.read(path);
        assertThat(contents.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L, 1L);
        assertThat(contents.validBytes()).isEqualTo(Files.size(path));
    }

    @Test
    void aClosingLineWhoseFsyncFailsIsCutOffSoTheRetryWritesItOnce() throws IOException {
        Path path = dir.resolve("door.mp4.pieces");
        FailingChannel channel = new FailingChannel(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        JournalEntry.Closing closing = new JournalEntry.Closing("idle", T0.plusSeconds(1));
        try (JournalWriter journal = new JournalWriter(channel, 0)) {
            journal.append(HEADER, true);
            journal.append(piece(0), true);

            channel.failNextForce();
            assertThatThrownBy(() -> journal.append(closing, true)).isInstanceOf(IOException.class);
            assertThat(JournalReader.read(path).isClosed()).isFalse();

            journal.append(closing, true);
        }

        assertThat(Files.readAllLines(path)).hasSize(3);
        JournalContents contents = JournalReader.read(path);
        assertThat(contents.isClosed()).isTrue();
        assertThat(contents.pieces()).extracting(JournalEntry.Piece::seq).containsExactly(0L);
    }

    @Test
    void theHeaderKeepsTheReasonAndEventOfTheFile() throws IOException {
        Path path = dir.resolve("door.mp4.pieces");
        JournalEntry.Header event = new JournalEntry.Header("door", "s1", "avc1.64001f", T0, 100, RecordingReason.EXTERNAL, "bell-7");
        try (JournalWriter journal = JournalWriter.create(path, event)) {
            journal.append(piece(0), true);
        }
        Path continuous = dir.resolve("yard.mp4.pieces");
        try (JournalWriter journal = JournalWriter.create(continuous, HEADER)) {
            journal.append(piece(0), true);
        }

        assertThat(JournalReader.read(path).header()).isEqualTo(event);
        assertThat(Files.readAllLines(path).get(0)).contains("\"reason\":\"external\"", "\"eventId\":\"bell-7\"");
        assertThat(JournalReader.read(continuous).header()).isEqualTo(HEADER);
        assertThat(JournalReader.read(continuous).pieces()).hasSize(1);
    }

    private static JournalEntry.Piece piece(int seq) {
        return new JournalEntry.Piece(seq, 100 + seq * 50L, 50, T0.plusSeconds(seq), 1_000_000);
    }
}
