package io.vigil.recorder.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.recorder.announce.AnnouncementFailedException;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.file.FsyncPolicy;
import io.vigil.recorder.file.JournalContents;
import io.vigil.recorder.file.JournalEntry;
import io.vigil.recorder.file.JournalReader;
import io.vigil.recorder.file.SegmentWriter;
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
    private final List<Status> statuses = new CopyOnWriteArrayList<>();

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

    @Test
    void continuousPiecesStayInOneFileWhateverEventTheyFallIn() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        String[] events = {null, "e1", "e1", "e2", null};
        for (int seq = 0; seq < events.length; seq++) {
            recorders.record(stamped(piece("s1", seq, 900), RecordingReason.CONTINUOUS, events[seq]), PARTITION);
        }
        recorders.stop();

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.pieceCount()).isEqualTo(5);
            assertThat(closed.closeReason()).isEqualTo("shutdown");
            assertThat(closed.reason()).isEqualTo(RecordingReason.CONTINUOUS);
            assertThat(closed.eventId()).isNull();
        });
        assertThat(statuses).containsExactly(
                new Status("door/2026-11-22/door_2026-11-22_10-00-00.mp4", T0, null), Status.NO_FILE);
    }

    @Test
    void eachEventGetsFilesOfItsOwnThatSayWhichEventTheyShow() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        for (int seq = 0; seq < 3; seq++) {
            recorders.record(stamped(piece("s1", seq, 900), RecordingReason.MOTION, "event-a"), PARTITION);
        }
        for (int seq = 3; seq < 5; seq++) {
            recorders.record(stamped(piece("s1", seq, 900), RecordingReason.MANUAL, "event-b"), PARTITION);
        }
        // the camera went back to continuous recording
        recorders.record(piece("s1", 5, 900), PARTITION);
        recorders.stop();

        assertThat(announced).extracting(RecordingClosed::closeReason).containsExactly("event", "event", "shutdown");
        assertThat(announced).extracting(RecordingClosed::reason)
                .containsExactly(RecordingReason.MOTION, RecordingReason.MANUAL, RecordingReason.CONTINUOUS);
        assertThat(announced).extracting(RecordingClosed::eventId).containsExactly("event-a", "event-b", null);
        assertThat(announced).extracting(RecordingClosed::pieceCount).containsExactly(3, 2, 1);
        assertThat(Ffprobe.probe(root.resolve(announced.get(1).path())).packets()).isEqualTo(2 * 25);
        assertThat(journal(announced.get(0).path()).header()).satisfies(header -> {
            assertThat(header.reason()).isEqualTo(RecordingReason.MOTION);
            assertThat(header.eventId()).isEqualTo("event-a");
        });
        assertThat(statuses).containsExactly(
                new Status("door/2026-11-22/door_2026-11-22_10-00-00.mp4", T0, "event-a"), Status.NO_FILE,
                new Status("door/2026-11-22/door_2026-11-22_10-00-03.mp4", T0.plusSeconds(3), "event-b"), Status.NO_FILE,
                new Status("door/2026-11-22/door_2026-11-22_10-00-05.mp4", T0.plusSeconds(5), null), Status.NO_FILE);
    }

    @Test
    void aLongEventIsSplitByItsShorterRotationAndKeepsItsId() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        // ingest stamps an event's pieces with min(rotation, maxEventSeconds): 10 s, the smallest both allow
        for (int seq = 0; seq < 12; seq++) {
            recorders.record(stamped(piece("s1", seq, 10), RecordingReason.EXTERNAL, "long"), PARTITION);
        }
        recorders.stop();

        assertThat(announced).extracting(RecordingClosed::closeReason).containsExactly("rotation", "shutdown");
        assertThat(announced).extracting(RecordingClosed::pieceCount).containsExactly(10, 2);
        assertThat(announced).extracting(RecordingClosed::eventId).containsOnly("long");
        assertThat(announced).extracting(RecordingClosed::reason).containsOnly(RecordingReason.EXTERNAL);
    }

    @Test
    void aNewEventWaitsForAKeyframeToBeginItsFile() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        recorders.record(stamped(piece("s1", 0, 900), RecordingReason.MOTION, "event-a"), PARTITION);
        // the rest of a GOP split for size, stamped for the next event: it cannot begin a playable file
        recorders.record(notKeyframe(stamped(piece("s1", 1, 900), RecordingReason.MOTION, "event-b")), PARTITION);
        assertThat(announced).isEmpty();
        recorders.record(stamped(piece("s1", 2, 900), RecordingReason.MOTION, "event-b"), PARTITION);

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.eventId()).isEqualTo("event-a");
            assertThat(closed.lastSequence()).isEqualTo(1);
            assertThat(closed.closeReason()).isEqualTo("event");
        });
    }

    @Test
    void aRecoveredFileKeepsItsEventAndEndsWhenAnotherEventBegins() throws IOException {
        CameraRecorders before = recorders(announced::add);
        before.record(stamped(piece("s1", 0, 900), RecordingReason.MOTION, "event-a"), PARTITION);
        before.record(stamped(piece("s1", 1, 900), RecordingReason.MOTION, "event-a"), PARTITION);
        before.lost(Set.of(PARTITION));
        statuses.clear();

        CameraRecorders after = recorders(announced::add);
        after.record(stamped(piece("s1", 2, 900), RecordingReason.MOTION, "event-a"), PARTITION);
        after.record(stamped(piece("s1", 3, 900), RecordingReason.MOTION, "event-b"), PARTITION);

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.path()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
            assertThat(closed.pieceCount()).isEqualTo(3);
            assertThat(closed.eventId()).isEqualTo("event-a");
            assertThat(closed.reason()).isEqualTo(RecordingReason.MOTION);
        });
        assertThat(statuses).containsExactly(
                new Status("door/2026-11-22/door_2026-11-22_10-00-00.mp4", T0, "event-a"), Status.NO_FILE,
                new Status("door/2026-11-22/door_2026-11-22_10-00-03.mp4", T0.plusSeconds(3), "event-b"));
    }

    @Test
    void aFileFromBeforeEventRecordingIsContinuedAsContinuous() throws IOException {
        SegmentWriter old = SegmentWriter.create(root, piece("s1", 0, 900), FsyncPolicy.PIECE);
        old.append(piece("s1", 0, 900));
        old.close();
        Path journal = root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4.pieces");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0).replace(",\"reason\":\"continuous\",\"eventId\":null", ""), lines.get(1)));
        assertThat(Files.readAllLines(journal).get(0)).doesNotContain("reason");

        CameraRecorders recorders = recorders(announced::add);
        recorders.record(stamped(piece("s1", 1, 900), RecordingReason.CONTINUOUS, "e1"), PARTITION);
        recorders.stop();

        assertThat(announced).singleElement().satisfies(closed -> {
            assertThat(closed.pieceCount()).isEqualTo(2);
            assertThat(closed.reason()).isEqualTo(RecordingReason.CONTINUOUS);
            assertThat(closed.eventId()).isNull();
        });
    }

    @Test
    void aStatusPublisherThatFailsNeverStopsRecording() throws IOException {
        CameraRecorders recorders = new CameraRecorders(new RecorderSettings(root, FsyncPolicy.PIECE, 8, clock), announced::add,
                new RecorderStatusPublisher() {
                    @Override
                    public void fileOpened(String cameraId, String file, Instant fileStart, String eventId) {
                        throw new IllegalStateException("status channel broken");
                    }

                    @Override
                    public void noFile(String cameraId) {
                        throw new IllegalStateException("status channel broken");
                    }
                }, new RecorderMetrics(registry, clock));
        recorders.assigned(Set.of(PARTITION));

        for (int seq = 0; seq < 12; seq++) {
            assertThat(recorders.record(piece("s1", seq, 10), PARTITION)).isEqualTo(Outcome.WRITTEN);
        }
        recorders.stop();

        assertThat(announced).extracting(RecordingClosed::closeReason).containsExactly("rotation", "shutdown");
    }

    @Test
    void piecesOfAnOlderOwnerEpochAreRefusedOnceANewerOwnerSentOneAndCounted() throws IOException {
        CameraRecorders recorders = recorders(announced::add);
        // ingest-a owned the camera since generation 3; ingest-b took it over in generation 5 while ingest-a,
        // cut off from the group, still sent pieces
        MediaPiece a0 = owned(stream.piece("door", "sa", 0, T0, 900), "ingest-a", 3);
        MediaPiece a1 = owned(stream.piece("door", "sa", 1, T0, 900), "ingest-a", 3);
        MediaPiece b0 = owned(stream.piece("door", "sb", 0, T0.plusSeconds(2), 900), "ingest-b", 5);
        MediaPiece a2 = owned(stream.piece("door", "sa", 2, T0, 900), "ingest-a", 3);
        MediaPiece b1 = owned(stream.piece("door", "sb", 1, T0.plusSeconds(2), 900), "ingest-b", 5);

        assertThat(recorders.record(a0, PARTITION)).isEqualTo(Outcome.WRITTEN);
        assertThat(recorders.record(a1, PARTITION)).isEqualTo(Outcome.WRITTEN);
        assertThat(recorders.record(b0, PARTITION)).isEqualTo(Outcome.WRITTEN);
        assertThat(recorders.record(a2, PARTITION)).isEqualTo(Outcome.FENCED);
        assertThat(recorders.record(b1, PARTITION)).isEqualTo(Outcome.WRITTEN);
        // a replay of the refused piece is refused again, not written late
        assertThat(recorders.record(a2, PARTITION)).isEqualTo(Outcome.FENCED);
        // a piece no assignment owns (an import, a v3 header) is never fenced
        assertThat(recorders.record(stream.piece("door", "sb", 2, T0.plusSeconds(2), 900), PARTITION)).isEqualTo(Outcome.WRITTEN);
        // read before the stop, which removes the camera's meters
        assertThat(counter("vigil.recorder.pieces.fenced")).isEqualTo(2);
        recorders.stop();

        assertThat(announced).extracting(RecordingClosed::sessionId, RecordingClosed::firstSequence, RecordingClosed::lastSequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sa", 0L, 1L), org.assertj.core.groups.Tuple.tuple("sb", 0L, 2L));
        assertThat(journalSequences(announced.get(0).path())).containsExactly(0L, 1L);
        assertThat(Ffprobe.probe(root.resolve(announced.get(0).path())).packets()).isEqualTo(2 * 25);
    }

    @Test
    void anOlderOwnerEpochIsAcceptedAgainOnceTheNewerOwnerWasQuietForTheHold() throws IOException {
        CameraRecorders recorders = new CameraRecorders(new RecorderSettings(root, FsyncPolicy.PIECE, 8, clock, Duration.ofSeconds(20)),
                announced::add, statusRecorder(), new RecorderMetrics(registry, clock));
        recorders.assigned(Set.of(PARTITION));

        assertThat(recorders.record(owned(stream.piece("door", "s9", 0, T0, 900), "ingest-a", 9), PARTITION)).isEqualTo(Outcome.WRITTEN);
        clock.advance(Duration.ofSeconds(19));
        assertThat(recorders.record(owned(stream.piece("door", "s1", 0, T0.plusSeconds(5), 900), "ingest-b", 1), PARTITION))
                .as("within the hold").isEqualTo(Outcome.FENCED);
        clock.advance(Duration.ofSeconds(2));
        // every ingest replica was gone and the group began again at generation 1: recording goes on
        assertThat(recorders.record(owned(stream.piece("door", "s1", 1, T0.plusSeconds(5), 900), "ingest-b", 1), PARTITION))
                .isEqualTo(Outcome.WRITTEN);
        assertThat(recorders.record(owned(stream.piece("door", "s1", 2, T0.plusSeconds(5), 900), "ingest-b", 1), PARTITION))
                .isEqualTo(Outcome.WRITTEN);
        // read before the stop, which removes the camera's meters
        assertThat(counter("vigil.recorder.pieces.fenced")).isEqualTo(1);
        recorders.stop();

        assertThat(announced).extracting(RecordingClosed::sessionId).containsExactly("s9", "s1");
    }

    private CameraRecorders recorders(RecordingAnnouncer announcer) {
        CameraRecorders recorders = new CameraRecorders(new RecorderSettings(root, FsyncPolicy.PIECE, 8, clock),
                announcer, statusRecorder(), new RecorderMetrics(registry, clock));
        recorders.assigned(Set.of(PARTITION));
        return recorders;
    }

    /** What a recorder published as its status, in order. */
    private record Status(String file, Instant fileStart, String eventId) {
        static final Status NO_FILE = new Status(null, null, null);
    }

    private RecorderStatusPublisher statusRecorder() {
        return new RecorderStatusPublisher() {
            @Override
            public void fileOpened(String cameraId, String file, Instant fileStart, String eventId) {
                statuses.add(new Status(file, fileStart, eventId));
            }

            @Override
            public void noFile(String cameraId) {
                statuses.add(Status.NO_FILE);
            }
        };
    }

    private static MediaPiece stamped(MediaPiece piece, RecordingReason reason, String eventId) {
        return RealStream.stamped(piece, reason, eventId);
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

    /** The piece as ingest stamps it: run by {@code instance}, assigned the camera in group generation {@code epoch}. */
    private static MediaPiece owned(MediaPiece piece, String instance, long epoch) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), h.start(), h.durationMicros(),
                h.codec(), h.keyframe(), h.rotationSeconds(), h.reason(), h.eventId(), SessionCause.START, null, instance, epoch),
                piece.init(), piece.fragment());
    }

    private static MediaPiece notKeyframe(MediaPiece piece) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), h.start(), h.durationMicros(),
                h.codec(), false, h.rotationSeconds(), h.reason(), h.eventId()), piece.init(), piece.fragment());
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
