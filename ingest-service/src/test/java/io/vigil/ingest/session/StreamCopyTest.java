package io.vigil.ingest.session;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.SessionCause;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.media.FfmpegTools;
import io.vigil.ingest.motion.MotionTuning;
import io.vigil.ingest.status.CameraStatusTracker;
import io.vigil.ingest.status.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole copy, from an input FFmpeg opens to pieces, on a file with H.264 video and AAC sound. */
class StreamCopyTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(30), 8 * 1024 * 1024, MotionTuning.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void copiesVideoAndAacIntoPlayablePiecesUntilTheInputEnds() throws Exception {
        Path input = FfmpegTools.testPatternWithSound(dir, 3, 25);
        List<CameraStatus> statuses = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CameraStatusTracker status = new CameraStatusTracker("cam-1", "test", statuses::add, meters,
                Duration.ofSeconds(5), Clock.systemUTC(), System::nanoTime);
        List<MediaPiece> pieces = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        PieceSink sink = new PieceSink() {
            @Override
            public void accept(MediaPiece piece) {
                pieces.add(piece);
            }

            @Override
            public void sessionEnded(String sessionId) {
                ended.add(sessionId);
            }
        };
        StreamCopy copy = new StreamCopy("cam-1", "session-1", () -> 900, SETTINGS, status, sink,
                new CameraMotion(MotionSettings.DEFAULT, MotionTuning.DEFAULT, MotionListener.NONE), () -> false,
                Clock.fixed(NOW, ZoneOffset.UTC), new SessionOrigin(SessionCause.RECONNECT, "silent", "ingest-3"));

        assertThat(copy.streamingSince()).isEmpty();
        try (CameraInput camera = CameraInput.open(input.toString(), Duration.ofSeconds(5))) {
            assertThat(camera.audioStream()).isNotNegative();
            assertThatThrownBy(() -> copy.run(camera))
                    .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.FAILURE))
                    .hasMessageContaining("ended");
        }

        // the last GOP comes out when the copy ends, then the sink hears that the session is over
        assertThat(pieces).hasSize(3);
        assertThat(ended).containsExactly("session-1");
        List<PieceHeader> headers = pieces.stream().map(MediaPiece::header).toList();
        assertThat(headers.get(0).start()).isEqualTo(NOW);
        long total = 0;
        for (PieceHeader header : headers) {
            assertThat(header.keyframe()).isTrue();
            assertThat(header.start()).isEqualTo(NOW.plusNanos(total * 1_000));
            total += header.durationMicros();
        }
        assertThat(total).isEqualTo(3_000_000);
        assertThat(headers).allSatisfy(header -> {
            assertThat(header.sessionCause()).isEqualTo(SessionCause.RECONNECT);
            assertThat(header.previousFailure()).isEqualTo("silent");
            assertThat(header.instance()).isEqualTo("ingest-3");
        });
        // a file is read far faster than real time: its "clock" runs seconds ahead, which is measured, but
        // three seconds are too few samples (less than the drift window) to slew on
        assertThat(meters.get("vigil.ingest.clock.skew").tag("camera", "cam-1").gauge().value()).isGreaterThan(0.5);
        assertThat(statuses).extracting(CameraStatus::state).contains(CameraState.STREAMING);
        assertThat(copy.streamingSince()).isPresent();

        ByteArrayOutputStream playable = new ByteArrayOutputStream();
        playable.writeBytes(pieces.get(1).init());
        playable.writeBytes(pieces.get(1).fragment());
        Path file = Files.write(dir.resolve("piece.mp4"), playable.toByteArray());
        assertThat(FfmpegTools.streams(file)).containsExactly("h264,video", "aac,audio");
    }

    @Test
    void aMissingStreamFailsToOpenWithoutCrashing() {
        assertThatThrownBy(() -> CameraInput.open(dir.resolve("nothing.mp4").toString(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.FAILURE));
    }
}
