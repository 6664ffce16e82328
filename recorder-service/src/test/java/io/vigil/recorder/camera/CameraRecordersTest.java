package io.vigil.recorder.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.recorder.announce.AnnouncementFailedException;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.file.FsyncPolicy;
import io.vigil.recorder.file.JournalContents;
import io.vigil.recorder.file.JournalEntry;
import io.vigil.recorder.file.JournalReader;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.ManualClock;
import io.vigil.recorder.fixtures.RealStream;
import io.vigil.recorder.metrics.RecorderMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraRecordersTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final int PARTITION = 3;

    @TempDir
    Path root;

    private final RealStream stream = RealStream.hd();
    private final ManualClock clock = new ManualClock(T0.plusSeconds(30));
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<RecordingClosed> announced = new CopyOnWriteArrayList<>();

    @Test
    void rotatesAtTheFirstKeyframePieceAfterTheRotationTime() throws IOException {
        CameraRecorders recorders = recorders(announced::add);

        for (int seq = 0; seq < 12; seq++) {
            assertThat(recorders.record(piece("s1", seq, 10), PARTITION)).isEqualTo(Outcome.WRITTEN);
        }

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.cameraId()).isEqualTo("door");
            assertThat(closed.path()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
            assertThat(closed.sessionId()).isEqualTo("s1");
            assertThat(closed.start()).isEqualTo(T0);
            assertThat(closed.end()).isEqualTo(T0.plusSeconds(10));
            assertThat(closed.pieceCount()).isEqualTo(10);
            assertThat(closed.firstSequence()).isZero();
            assertThat(closed.lastSequence()).isEqualTo(9);
            assertThat(closed.closeReason()).isEqualTo("rotation");
            assertThat(closed.bytes()).isEqualTo(size(closed.path()));
        });
        assertThat(Ffprobe.probe(root.resolve(announced.get(0).path())).packets()).isEqualTo(10 * 25);
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-10.mp4")).containsExactly(10L, 11L);
        assertThat(counter("vigil.recorder.pieces.written")).isEqualTo(12);
        assertThat(registry.find("vigil.recorder.files.closed").tag("reason", "rotation").counter().count()).isEqualTo(1);
    }

    @Test
    void aPieceSplitFromAGopDoesNotStartAFile() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        for (int seq = 0; seq < 10; seq++) {
            recorders.record(piece("s1", seq, 10), PARTITION);
        }

        recorders.record(notKeyframe(piece("s1", 10, 10)), PARTITION);
        assertThat(announced).isEmpty();
        recorders.record(piece("s1", 11, 10), PARTITION);

        assertThat(announced).singleElement().extracting(RecordingClosed::lastSequence).isEqualTo(10L);
    }

    @Test
    void aNewSessionOrANewInitBeginsANewFile() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        recorders.record(piece("s1", 0, 900), PARTITION);
        recorders.record(piece("s1", 1, 900), PARTITION);
        recorders.record(piece("s2", 2, 900), PARTITION);
        MediaPiece small = RealStream.small().piece("door", "s2", 3, T0, 900);
        recorders.record(small, PARTITION);

        assertThat(announced).extracting(RecordingClosed::closeReason).containsExactly("session", "codec");
        assertThat(announced).extracting(RecordingClosed::sessionId).containsExactly("s1", "s2");
        assertThat(Ffprobe.probe(root.resolve(announced.get(1).path())).packets()).isEqualTo(25);
        recorders.stop();
        RecordingClosed last = announced.get(2);
        assertThat(last.closeReason()).isEqualTo("shutdown");
        assertThat(Ffprobe.probe(root.resolve(last.path())).width()).isEqualTo(320);
    }

    @Test
    void aReplayedPieceIsSkippedAndCounted() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        for (int seq = 0; seq < 5; seq++) {
            recorders.record(piece("s1", seq, 900), PARTITION);
        }

        List<Outcome> replay = new ArrayList<>();
        for (int seq = 2; seq < 7; seq++) {
            replay.add(recorders.record(piece("s1", seq, 900), PARTITION));
        }

        assertThat(replay).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.WRITTEN, Outcome.WRITTEN);
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-00.mp4")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(counter("vigil.recorder.duplicates.skipped")).isEqualTo(3);
        recorders.stop();
        assertThat(Ffprobe.probe(root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4")).packets()).isEqualTo(7 * 25);
    }

    @Test
    void afterACrashTheTornPieceIsCutAndTheReplayContinuesTheSameFile() throws IOException {
        CameraRecorders before = recorders(announced::add);
        for (int seq = 0; seq < 5; seq++) {
            before.record(piece("s1", seq, 900), PARTITION);
        }
        before.lost(Set.of(PARTITION)); // the process dies: files are let go, nothing more is written
        Path media = root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        Files.write(media, new byte[30_000], StandardOpenOption.APPEND);

        CameraRecorders after = recorders(announced::add);
        List<Outcome> replay = new ArrayList<>();
        for (int seq = 3; seq < 8; seq++) {
            replay.add(after.record(piece("s1", seq, 900), PARTITION));
        }

        assertThat(replay).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.WRITTEN, Outcome.WRITTEN, Outcome.WRITTEN);
        assertThat(announced).isEmpty();
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-00.mp4")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(Ffprobe.probe(media).packets()).isEqualTo(8 * 25);
    }

    @Test
    void afterARestartAPieceOfAnotherSessionClosesTheRecoveredFile() throws IOException {
        CameraRecorders before = recorders(announced::add);
        before.record(piece("s1", 0, 900), PARTITION);
        before.record(piece("s1", 1, 900), PARTITION);
        before.lost(Set.of(PARTITION));

        CameraRecorders after = recorders(announced::add);
        after.record(piece("s2", 4, 900), PARTITION);

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.path()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
            assertThat(closed.pieceCount()).isEqualTo(2);
            assertThat(closed.closeReason()).isEqualTo("session");
        });
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-04.mp4")).containsExactly(4L);
    }

    @Test
    void aReplayReachingBackBeforeASessionChangeIsRecognised() throws IOException {
        CameraRecorders before = recorders(announced::add);
        before.record(piece("s1", 0, 900), PARTITION);
        before.record(piece("s1", 1, 900), PARTITION);
        before.record(piece("s2", 2, 900), PARTITION);
        before.lost(Set.of(PARTITION));

        CameraRecorders after = recorders(announced::add);
        List<Outcome> replay = Stream.of(piece("s1", 1, 900), piece("s2", 2, 900), piece("s2", 3, 900))
                .map(p -> record(after, p)).toList();

        assertThat(replay).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.WRITTEN);
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-00.mp4")).containsExactly(0L, 1L);
        assertThat(journalSequences("door/2026-11-22/door_2026-11-22_10-00-02.mp4")).containsExactly(2L, 3L);
    }

    @Test
    void aSilentCameraHasItsFileClosedAfterTheIdleTime() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        recorders.record(piece("s1", 0, 900), PARTITION);

        clock.advance(Duration.ofSeconds(19));
        recorders.closeIdle(Duration.ofSeconds(20));
        assertThat(announced).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        recorders.closeIdle(Duration.ofSeconds(20));

        assertThat(announced).singleElement().extracting(RecordingClosed::closeReason).isEqualTo("idle");
        assertThat(recorders.record(piece("s1", 0, 900), PARTITION)).isEqualTo(Outcome.DUPLICATE);
        assertThat(recorders.record(piece("s1", 1, 900), PARTITION)).isEqualTo(Outcome.WRITTEN);
        assertThat(Files.exists(root.resolve("door/2026-11-22/door_2026-11-22_10-00-01.mp4"))).isTrue();
    }

    @Test
    void aRevokedPartitionHasItsFilesClosedAndItsPiecesRefused() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        recorders.record(piece("s1", 0, 900), PARTITION);

        recorders.revoked(Set.of(PARTITION));

        assertThat(announced).singleElement().extracting(RecordingClosed::closeReason).isEqualTo("revoked");
        assertThat(recorders.record(piece("s1", 1, 900), PARTITION)).isEqualTo(Outcome.NOT_OWNED);
        assertThat(registry.find("vigil.recorder.pieces.written").counters()).isEmpty();
    }

    @Test
    void aFailedAnnouncementKeepsTheFileOpenUntilItSucceeds() throws IOException {
        List<RuntimeException> outage = new ArrayList<>(List.of(new RuntimeException("broker unreachable")));
        CameraRecorders recorders = recorders(closed -> {
            if (!outage.isEmpty()) {
                throw new AnnouncementFailedException("could not announce", outage.remove(0));
            }
            announced.add(closed);
        });
        recorders.record(piece("s1", 0, 900), PARTITION);

        assertThatThrownBy(() -> recorders.record(piece("s2", 1, 900), PARTITION)).isInstanceOf(AnnouncementFailedException.class);
        assertThat(journal("door/2026-11-22/door_2026-11-22_10-00-00.mp4").isClosed()).isFalse();
        assertThat(recorders.record(piece("s2", 1, 900), PARTITION)).isEqualTo(Outcome.WRITTEN);

        assertThat(announced).singleElement().extracting(RecordingClosed::closeReason).isEqualTo("session");
        assertThat(journal("door/2026-11-22/door_2026-11-22_10-00-00.mp4").isClosed()).isTrue();
        assertThat(counter("vigil.recorder.write.failures")).isEqualTo(1);
    }

    private CameraRecorders recorders(RecordingAnnouncer announcer) {
        CameraRecorders recorders = new CameraRecorders(new RecorderSettings(root, FsyncPolicy.PIECE, 8, clock),
                announcer, new RecorderMetrics(registry, clock));
        recorders.assigned(Set.of(PARTITION));
        return recorders;
    }

    private static Outcome record(CameraRecorders recorders, MediaPiece piece) {
        try {
            return recorders.record(piece, PARTITION);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private MediaPiece piece(String session, int seq, int rotationSeconds) {
        return stream.piece("door", session, seq, T0, rotationSeconds);
    }

    private static MediaPiece notKeyframe(MediaPiece piece) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), h.start(), h.durationMicros(),
                h.codec(), false, h.rotationSeconds()), piece.init(), piece.fragment());
    }

    private JournalContents journal(String mediaPath) throws IOException {
        return JournalReader.read(root.resolve(mediaPath + ".pieces"));
    }

    private List<Long> journalSequences(String mediaPath) throws IOException {
        return journal(mediaPath).pieces().stream().map(JournalEntry.Piece::seq).toList();
    }

    private long size(String path) {
        try {
            return Files.size(root.resolve(path));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private double counter(String name) {
        return registry.find(name).tag("camera", "door").counter().count();
    }
}
