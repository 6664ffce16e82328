package io.vigil.ingest.fragment;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;
import io.vigil.fmp4.Mp4FormatException;
import io.vigil.ingest.media.FfmpegTools;
import io.vigil.contracts.SessionCause;
import io.vigil.ingest.time.SessionClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real fragmented MP4 from FFmpeg (OpenH264, one keyframe per second), cut into pieces. */
class PieceAssemblerTest {

    private static final String FRAGMENTED = "frag_keyframe+empty_moov+default_base_moof";
    private static final Instant ANCHOR = Instant.parse("2024-03-01T12:00:00.250Z");
    private static final SessionOrigin ORIGIN = new SessionOrigin(SessionCause.CONFIG, null, "ingest-1", 4L);

    @TempDir
    Path dir;

    @Test
    void cutsOnePieceStartingWithAKeyframePerGop() throws IOException {
        byte[] stream = FfmpegTools.testPattern(dir, 3, 25, "-movflags", FRAGMENTED);
        AtomicInteger rotation = new AtomicInteger(900);
        PieceAssembler assembler = new PieceAssembler("cam-1", "session-1", rotation::get, new SessionClock(ANCHOR), ORIGIN);

        List<MediaPiece> pieces = new ArrayList<>();
        // the muxer writes in odd sizes: boxes arrive split across writes
        for (int at = 0; at < stream.length; at += 1000) {
            pieces.addAll(assembler.feed(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 1000))));
            if (!pieces.isEmpty()) {
                rotation.set(600);
            }
        }

        assertThat(pieces).hasSize(3);
        List<PieceHeader> headers = pieces.stream().map(MediaPiece::header).toList();
        assertThat(headers).extracting(PieceHeader::sequence).containsExactly(0L, 1L, 2L);
        assertThat(headers).allSatisfy(header -> {
            assertThat(header.cameraId()).isEqualTo("cam-1");
            assertThat(header.sessionId()).isEqualTo("session-1");
            assertThat(header.sessionCause()).isEqualTo(SessionCause.CONFIG);
            assertThat(header.previousFailure()).isNull();
            assertThat(header.instance()).isEqualTo("ingest-1");
            assertThat(header.ownerEpoch()).as("the fencing token").isEqualTo(4L);
            assertThat(header.v()).isEqualTo(PieceHeader.VERSION);
            assertThat(header.keyframe()).isTrue();
            // 25 frames of 40 ms
            assertThat(header.durationMicros()).isEqualTo(1_000_000);
        });
        assertThat(headers.get(0).start()).isEqualTo(ANCHOR);
        for (int n = 1; n < headers.size(); n++) {
            assertThat(headers.get(n).start()).isEqualTo(headers.get(n - 1).end());
        }
        assertThat(headers.get(0).rotationSeconds()).isEqualTo(900);
        assertThat(headers.get(2).rotationSeconds()).isEqualTo(600);

        String probe = FfmpegTools.probe(write("whole.mp4", stream));
        int level = Integer.parseInt(value(probe, "level"));
        assertThat(headers.get(0).codec()).isEqualTo(String.format(Locale.ROOT, "avc1.42c0%02x", level));
        assertThat(value(probe, "profile")).isEqualTo("Constrained Baseline");
    }

    @Test
    void initPlusAnyPieceIsPlayableMp4WithoutTheClosingMfra() throws IOException {
        byte[] stream = FfmpegTools.testPattern(dir, 3, 25, "-movflags", FRAGMENTED);
        List<MediaPiece> pieces = new PieceAssembler("cam-1", "s", () -> 900, new SessionClock(ANCHOR), ORIGIN).feed(stream);

        assertThat(BoxSplitter.split(stream)).extracting(Box::type).contains("mfra");
        MediaPiece middle = pieces.get(1);
        assertThat(BoxSplitter.split(middle.init())).extracting(Box::type).containsExactly("ftyp", "moov");
        assertThat(BoxSplitter.split(middle.fragment())).extracting(Box::type).containsExactly("moof", "mdat");

        ByteArrayOutputStream playable = new ByteArrayOutputStream();
        playable.writeBytes(middle.init());
        playable.writeBytes(middle.fragment());
        String probe = FfmpegTools.probe(write("middle.mp4", playable.toByteArray()));
        assertThat(value(probe, "codec_name")).isEqualTo("h264");
        assertThat(value(probe, "width")).isEqualTo("320");
        assertThat(value(probe, "height")).isEqualTo("240");
        assertThat(value(probe, "nb_read_packets")).isEqualTo("25");
    }

    @Test
    void splitsALargeGopIntoSeveralContiguousPieces() throws IOException {
        // one 2 s GOP, fragments cut at 20 kB
        byte[] stream = FfmpegTools.testPattern(dir, 2, 50, "-movflags", FRAGMENTED, "-frag_size", "20000");
        List<MediaPiece> pieces = new PieceAssembler("cam-1", "s", () -> 900, new SessionClock(ANCHOR), ORIGIN).feed(stream);

        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces.get(0).header().keyframe()).isTrue();
        assertThat(pieces.subList(1, pieces.size())).allSatisfy(piece -> assertThat(piece.header().keyframe()).isFalse());
        long total = 0;
        for (int n = 0; n < pieces.size(); n++) {
            PieceHeader header = pieces.get(n).header();
            assertThat(header.sequence()).isEqualTo(n);
            assertThat(header.start()).isEqualTo(ANCHOR.plusNanos(total * 1_000));
            total += header.durationMicros();
        }
        assertThat(total).isEqualTo(2_000_000);
    }

    @Test
    void refusesAnMp4ThatIsNotFragmented() throws IOException {
        byte[] plain = FfmpegTools.testPattern(dir, 1, 25);
        PieceAssembler assembler = new PieceAssembler("cam-1", "s", () -> 900, new SessionClock(ANCHOR), ORIGIN);

        assertThatThrownBy(() -> assembler.feed(plain))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("mdat without a moof");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String value(String probe, String key) {
        return probe.lines()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " missing in " + probe));
    }
}
