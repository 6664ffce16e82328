package io.vigil.ingest.session;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.SessionCause;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.hls.HlsRetry;
import io.vigil.ingest.media.MediaServer;
import io.vigil.ingest.media.SourceMedia;
import io.vigil.ingest.motion.MotionTuning;
import io.vigil.ingest.time.SessionClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VOD sources of every kind, served over HTTP, copied without transcoding into pieces on the import's
 * own timeline: contiguous, one GOP each, covering the whole media, playable.
 */
class VodCopyTest {

    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(30), 8 * 1024 * 1024, MotionTuning.DEFAULT);
    private static final HlsRetry RETRY = new HlsRetry(10, Duration.ofMillis(5), Duration.ofMillis(20), 5, Duration.ofSeconds(5));
    private static MediaServer server;
    private static Path dir;

    @BeforeAll
    static void serve() throws IOException {
        dir = SourceMedia.shared().dir();
        server = MediaServer.serve(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"media/ts.m3u8", "media/fmp4.m3u8", "media/aes.m3u8", "media/clip.mp4"})
    void aVodSourceBecomesContiguousPiecesOfTheWholeMedia(String path) throws Exception {
        List<MediaPiece> pieces = new ArrayList<>();
        StreamFailure end;
        try (SourceInput source = SourceInput.vod(new SourceInput.Address(server.url(path), Map.of(), null), RETRY,
                Duration.ofSeconds(5), () -> false, null)) {
            assertThat(source.durationSeconds()).hasValueSatisfying(seconds ->
                    assertThat(seconds).isBetween(SourceMedia.VOD_SECONDS - 0.5, SourceMedia.VOD_SECONDS + 0.5));
            end = VodCopy.run("imported", "session-1", 900, source, SETTINGS, new CountingObserver(), pieces::add,
                    () -> false, arrival -> new SessionClock(START), new SessionOrigin(SessionCause.START, null, "test"));
        }

        if (path.endsWith(".m3u8")) {
            assertThat(end.complete()).as("the playlist ended, not: %s", end.getMessage()).isTrue();
        }
        List<PieceHeader> headers = pieces.stream().map(MediaPiece::header).toList();
        assertThat(headers).hasSizeBetween(SourceMedia.VOD_SECONDS - 1, SourceMedia.VOD_SECONDS + 1);
        assertThat(headers.get(0).start()).as("on the import's timeline, not the wall clock").isEqualTo(START);
        for (int n = 1; n < headers.size(); n++) {
            assertThat(headers.get(n).start()).isEqualTo(headers.get(n - 1).end());
            assertThat(headers.get(n).sequence()).isEqualTo(n);
        }
        assertThat(headers).allSatisfy(header -> assertThat(header.keyframe()).isTrue());
        Duration covered = Duration.between(START, headers.get(headers.size() - 1).end());
        assertThat(covered.toMillis()).isBetween(SourceMedia.VOD_SECONDS * 1000L - 200, SourceMedia.VOD_SECONDS * 1000L + 200);

        // init + every fragment is a playable file
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(pieces.get(0).init());
        for (MediaPiece piece : pieces) {
            file.write(piece.fragment());
        }
        Path copy = Files.write(dir.resolve(path.replace('/', '_') + ".copy.mp4"), file.toByteArray());
        String probe = io.vigil.ingest.media.FfmpegTools.probe(copy);
        assertThat(probe).contains("codec_name=h264", "width=320", "nb_read_packets=" + SourceMedia.VOD_SECONDS * 25);
    }

    @org.junit.jupiter.api.Test
    void h264WithAacInMpegTsIsCopiedWithItsAudio() throws Exception {
        List<MediaPiece> pieces = copy("media/aac.m3u8");

        assertThat(pieces).hasSizeBetween(SourceMedia.VOD_SECONDS - 1, SourceMedia.VOD_SECONDS + 1);
        Path copy = Files.write(dir.resolve("aac.copy.mp4"), playable(pieces));
        assertThat(io.vigil.ingest.media.FfmpegTools.streams(copy)).containsExactly("h264,video", "aac,audio");
        // the audio is copied, not re-encoded: as many AAC frames as the source's segments hold (1024 samples at 48 kHz)
        String audio = io.vigil.ingest.media.FfmpegTools.probeAudio(copy);
        assertThat(audio).contains("codec_name=aac", "sample_rate=48000", "channels=1");
        int frames = Integer.parseInt(audio.lines().filter(line -> line.startsWith("nb_read_packets=")).findFirst()
                .orElseThrow().substring("nb_read_packets=".length()));
        assertThat(frames).isBetween((int) ((SourceMedia.VOD_SECONDS - 0.5) * 48000 / 1024),
                (int) ((SourceMedia.VOD_SECONDS + 0.5) * 48000 / 1024));
    }

    @ParameterizedTest
    @ValueSource(strings = {"media/cenc.mp4", "media/pssh.mp4"})
    void aDrmProtectedMp4IsRefusedBeforeAnyPiece(String path) throws Exception {
        List<MediaPiece> pieces = new ArrayList<>();
        StreamFailure end;
        try (SourceInput source = SourceInput.vod(new SourceInput.Address(server.url(path), Map.of(), null), RETRY,
                Duration.ofSeconds(5), () -> false, null)) {
            end = VodCopy.run("imported", "session-1", 900, source, SETTINGS, new CountingObserver(), pieces::add,
                    () -> false, arrival -> new SessionClock(START), new SessionOrigin(SessionCause.IMPORT, null, "test"));
        } catch (StreamFailure refusedAtOpen) {
            end = refusedAtOpen;
        }

        assertThat(end).isNotNull();
        assertThat(end.kind()).as(end.getMessage()).isEqualTo(io.vigil.ingest.status.FailureKind.DRM_PROTECTED);
        assertThat(end.getMessage()).startsWith("the source is DRM-protected")
                .contains(path.endsWith("cenc.mp4") ? "samples encrypted with cenc" : "a pssh box of Widevine");
        assertThat(pieces).as("nothing encrypted is copied").isEmpty();
    }

    private static List<MediaPiece> copy(String path) throws Exception {
        List<MediaPiece> pieces = new ArrayList<>();
        try (SourceInput source = SourceInput.vod(new SourceInput.Address(server.url(path), Map.of(), null), RETRY,
                Duration.ofSeconds(5), () -> false, null)) {
            StreamFailure end = VodCopy.run("imported", "session-1", 900, source, SETTINGS, new CountingObserver(), pieces::add,
                    () -> false, arrival -> new SessionClock(START), new SessionOrigin(SessionCause.IMPORT, null, "test"));
            assertThat(end.complete()).as("the playlist ended, not: %s", end.getMessage()).isTrue();
        }
        return pieces;
    }

    private static byte[] playable(List<MediaPiece> pieces) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(pieces.get(0).init());
        for (MediaPiece piece : pieces) {
            file.write(piece.fragment());
        }
        return file.toByteArray();
    }

    private static final class CountingObserver implements CopyObserver {
        long bytes;

        @Override
        public void packet(int size, boolean video) {
            bytes += size;
        }

        @Override
        public void streaming(String codec, int width, int height) {
        }
    }
}
