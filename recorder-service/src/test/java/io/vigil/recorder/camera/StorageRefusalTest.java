package io.vigil.recorder.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.contracts.storage.VolumeUsage;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.StorageEventPublisher;
import io.vigil.recorder.file.FsyncPolicy;
import io.vigil.recorder.fixtures.Ffprobe;
import io.vigil.recorder.fixtures.ManualClock;
import io.vigil.recorder.fixtures.RealStream;
import io.vigil.recorder.metrics.RecorderMetrics;
import io.vigil.recorder.storage.StorageGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At block the open file is closed cleanly and pieces are acknowledged unwritten; when space is back a
 * new file starts. The volume's usage is the one thing given here (a probe), the files are real.
 */
class StorageRefusalTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final int PARTITION = 1;

    @TempDir
    Path root;

    private final RealStream stream = RealStream.hd();
    private final ManualClock clock = new ManualClock(T0.plusSeconds(30));
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<RecordingClosed> announced = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicReference<VolumeUsage> usage = new AtomicReference<>(new VolumeUsage(1000, 500));

    @Test
    void atBlockTheFileIsClosedAndPiecesAreRefusedThenANewFileStarts() throws IOException {
        StorageGate gate = new StorageGate(usage::get, new StorageThresholds(80, 90), Duration.ofSeconds(1), clock);
        StorageEventPublisher events = (camera, from, to, pieces, ongoing, used, block) ->
                refusals.add(camera + " " + from + " " + to + " " + pieces + " " + ongoing + " " + block);
        CameraRecorders recorders = new CameraRecorders(new RecorderSettings(root, FsyncPolicy.PIECE, 8, clock), announced::add,
                RecorderStatusPublisher.NONE, new RecorderMetrics(registry, clock), gate, events);
        recorders.assigned(Set.of(PARTITION));

        for (int seq = 0; seq < 3; seq++) {
            assertThat(recorders.record(piece(seq), PARTITION)).isEqualTo(Outcome.WRITTEN);
        }
        usage.set(new VolumeUsage(1000, 95)); // 90.5 % used
        assertThat(recorders.record(piece(3), PARTITION)).as("the last reading is trusted for a second").isEqualTo(Outcome.WRITTEN);
        clock.advance(Duration.ofSeconds(1));
        for (int seq = 4; seq < 7; seq++) {
            assertThat(recorders.record(piece(seq), PARTITION)).isEqualTo(Outcome.REFUSED);
        }

        RecordingClosed first = announced.get(0);
        assertThat(announced).hasSize(1);
        assertThat(first.closeReason()).isEqualTo("storage");
        assertThat(first.pieceCount()).isEqualTo(4);
        assertThat(Ffprobe.probe(root.resolve(first.path())).packets()).isEqualTo(4 * 25);
        long sizeAtBlock = Files.size(root.resolve(first.path()));
        assertThat(refusals).containsExactly("door " + T0.plusSeconds(4) + " " + T0.plusSeconds(5) + " 1 true 90");
        assertThat(registry.find("vigil.recorder.pieces.refused").counter().count()).isEqualTo(3);

        usage.set(new VolumeUsage(1000, 300));
        clock.advance(Duration.ofSeconds(1));
        assertThat(recorders.record(notKeyframe(piece(7)), PARTITION)).as("a new file begins at a keyframe")
                .isEqualTo(Outcome.REFUSED);
        assertThat(recorders.record(piece(8), PARTITION)).isEqualTo(Outcome.WRITTEN);
        recorders.stop();

        assertThat(refusals).last().isEqualTo("door " + T0.plusSeconds(4) + " " + T0.plusSeconds(8) + " 4 false 90");
        assertThat(announced).hasSize(2);
        assertThat(announced.get(1).path()).isNotEqualTo(first.path());
        assertThat(announced.get(1).firstSequence()).isEqualTo(8);
        assertThat(Files.size(root.resolve(first.path()))).as("nothing already written is touched").isEqualTo(sizeAtBlock);
        assertThat(Ffprobe.probe(root.resolve(first.path())).packets()).isEqualTo(4 * 25);
    }

    private static MediaPiece notKeyframe(MediaPiece piece) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), h.cameraId(), h.sessionId(), h.sequence(), h.start(), h.durationMicros(),
                h.codec(), false, h.rotationSeconds(), h.reason(), h.eventId()), piece.init(), piece.fragment());
    }

    private MediaPiece piece(int seq) {
        return stream.piece("door", "s1", seq, T0, 900);
    }
}
