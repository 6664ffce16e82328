package io.vigil.ingest.hls;

import io.vigil.ingest.media.MediaServer;
import io.vigil.ingest.media.SourceMedia;
import io.vigil.ingest.session.StreamFailure;
import io.vigil.ingest.status.FailureKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Playlists, keys and segments of real HLS made by ffmpeg, fetched from a real HTTP server. */
class HlsSourceTest {

    private static final HlsRetry FAST = new HlsRetry(10, Duration.ofMillis(5), Duration.ofMillis(20), 5, Duration.ofSeconds(5));
    private static final Duration STALL = Duration.ofSeconds(10);
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

    @Test
    void aVodPlaylistIsReadSegmentBySegmentToItsEnd() throws Exception {
        HlsSource source = HlsSource.open(server.url("media/ts.m3u8"), Map.of(), null, FAST);
        assertThat(source.live()).isFalse();
        assertThat(source.fragmentedMp4()).isFalse();
        assertThat(source.durationSeconds()).isBetween(SourceMedia.VOD_SECONDS - 0.5, SourceMedia.VOD_SECONDS + 0.5);
        SegmentStream stream = new SegmentStream(source, SegmentStream.beginning(source), FAST, () -> false, STALL);

        byte[] read = stream.readAllBytes();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Segment segment : source.playlist().segments()) {
            expected.write(Files.readAllBytes(dir.resolve(Path.of(segment.uri().getPath()).getFileName())));
        }
        assertThat(read).isEqualTo(expected.toByteArray());
        assertThat(stream.end()).isEqualTo(SegmentStream.End.COMPLETE);
        assertThat(stream.segments()).isEqualTo(source.playlist().segments().size());
        assertThat(stream.nextSequence()).isEqualTo(source.lastSequence() + 1);
    }

    @Test
    void anFmp4PlaylistBeginsWithItsInitSegmentOnce() throws Exception {
        HlsSource source = HlsSource.open(server.url("media/fmp4.m3u8"), Map.of(), null, FAST);
        assertThat(source.fragmentedMp4()).isTrue();
        byte[] read = new SegmentStream(source, SegmentStream.beginning(source), FAST, () -> false, STALL).readAllBytes();
        byte[] init = Files.readAllBytes(dir.resolve("fmp4_init.mp4"));
        assertThat(read).startsWith(init);
        assertThat(new String(read, 4, 4)).isEqualTo("ftyp");
        // the init map is sent once, not before every segment
        assertThat(server.requests("media/fmp4_init.mp4")).isEqualTo(1);
    }

    @Test
    void plainAes128IsDecryptedWithItsKey() throws Exception {
        HlsSource source = HlsSource.open(server.url("media/aes.m3u8"), Map.of(), null, FAST);
        assertThat(source.playlist().segments().get(0).key().aes128()).isTrue();
        byte[] read = new SegmentStream(source, SegmentStream.beginning(source), FAST, () -> false, STALL).readAllBytes();
        // decrypted MPEG-TS: a sync byte every 188 bytes
        assertThat(read.length % 188).isZero();
        for (int at = 0; at < read.length; at += 188) {
            assertThat(read[at]).as("sync byte at %d", at).isEqualTo((byte) 0x47);
        }
    }

    @Test
    void sampleAesIsRefusedAsDrmProtected() {
        assertThatThrownBy(() -> HlsSource.open(server.url("media/sample-aes.m3u8"), Map.of(), null, FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(FailureKind.DRM_PROTECTED);
                    assertThat(failure.kind().errorId()).isEqualTo("drm_protected");
                    assertThat(failure.getMessage()).contains("SAMPLE-AES");
                });
        assertThat(new SegmentKey("AES-128", null, null, "com.apple.streamingkeydelivery").drmScheme()).isNotNull();
        assertThat(new SegmentKey("SAMPLE-AES-CTR", null, null, "urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed").drmScheme()).isNotNull();
        assertThat(new SegmentKey("AES-128", null, null, "identity").drmScheme()).isNull();
    }

    @Test
    void forbiddenAndNotFoundAreToldApart() {
        assertThatThrownBy(() -> HlsSource.open(server.url("forbidden/ts.m3u8"), Map.of(), null, FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.kind().errorId()).isEqualTo("forbidden"));
        assertThatThrownBy(() -> HlsSource.open(server.url("media/nothing.m3u8"), Map.of(), null, FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.kind().errorId()).isEqualTo("not_found"));
    }

    @Test
    void headersReachEveryRequestOfAProtectedSource() throws Exception {
        assertThatThrownBy(() -> HlsSource.open(server.url("private/ts.m3u8"), Map.of(), null, FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
                    assertThat(failure.getMessage()).doesNotContain(MediaServer.TOKEN);
                });
        HlsSource source = HlsSource.open(server.url("private/ts.m3u8"), Map.of("Authorization", MediaServer.TOKEN), null, FAST);
        SegmentStream stream = new SegmentStream(source, SegmentStream.beginning(source), FAST, () -> false, STALL);
        stream.readAllBytes();
        assertThat(stream.end()).isEqualTo(SegmentStream.End.COMPLETE);
    }

    @Test
    void aMasterPlaylistPicksTheHighestBandwidthUnlessAVariantIsNamed() throws Exception {
        HlsSource best = HlsSource.open(server.url("media/master.m3u8"), Map.of(), null, FAST);
        assertThat(best.playlist().uri().getPath()).isEqualTo("/media/ts.m3u8");
        assertThatThrownBy(() -> HlsSource.open(server.url("media/master.m3u8"), Map.of(), "160x120", FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED));
        assertThat(HlsSource.open(server.url("media/master.m3u8"), Map.of(), "ts.m3u8", FAST).playlist().uri().getPath())
                .isEqualTo("/media/ts.m3u8");
        assertThatThrownBy(() -> HlsSource.open(server.url("media/master.m3u8"), Map.of(), "4k", FAST))
                .isInstanceOfSatisfying(StreamFailure.class, failure -> assertThat(failure.getMessage()).contains("no variant '4k'"));
    }

    @Test
    void aSegmentIsRetriedWithBackoffAndSkippedAfterTenRetries() throws Exception {
        server.failTimes("retry/ts_001.ts", 3);
        server.failTimes("retry/ts_003.ts", -1);
        HlsSource source = HlsSource.open(server.url("retry/ts.m3u8"), Map.of(), null, FAST);
        SegmentStream stream = new SegmentStream(source, SegmentStream.beginning(source), FAST, () -> false, STALL);

        stream.readAllBytes();

        assertThat(server.requests("retry/ts_001.ts")).as("3 failures, then the segment").isEqualTo(4);
        assertThat(server.requests("retry/ts_003.ts")).as("the first attempt and 10 retries").isEqualTo(11);
        assertThat(stream.end()).isEqualTo(SegmentStream.End.SKIPPED);
        assertThat(stream.skippedSequence()).contains(3L);
        assertThat(stream.nextSequence()).as("the next session carries on after the skipped segment").isEqualTo(4);
        assertThat(stream.failure().getMessage()).contains("segment 3 skipped after 10 retries");
        assertThat(FAST.backoff(1)).isEqualTo(Duration.ofMillis(5));
        assertThat(FAST.backoff(2)).isEqualTo(Duration.ofMillis(10));
        assertThat(FAST.backoff(9)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void fivePlaylistFailuresInARowReloadTheMasterPlaylist() throws Exception {
        server.playlist("media/lmaster.m3u8", () -> "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000\nlvariant.m3u8\n");
        server.playlist("media/lvariant.m3u8", () -> SourceMedia.livePlaylist(3));
        HlsSource source = HlsSource.open(server.url("media/lmaster.m3u8"), Map.of(), null, FAST);
        assertThat(source.live()).isTrue();
        server.failTimes("media/lvariant.m3u8", 5);

        for (int n = 1; n <= 4; n++) {
            assertThat(source.reload()).as("reload %d fails quietly", n).isFalse();
        }
        assertThat(server.requests("media/lmaster.m3u8")).isEqualTo(1);
        assertThat(source.reload()).as("the fifth failure reloads the master").isTrue();
        assertThat(server.requests("media/lmaster.m3u8")).isEqualTo(2);
        assertThat(source.live()).isTrue();
    }

    @Test
    void aLivePlaylistIsFollowedByMediaSequenceAndNoSegmentIsReadTwice() throws Exception {
        long started = System.nanoTime();
        // a new segment every 300 ms: reloads see each one, several at a time when they are late
        server.playlist("media/follow.m3u8", () -> SourceMedia.livePlaylist(30 + (int) ((System.nanoTime() - started) / 300_000_000L)));
        HlsSource source = HlsSource.open(server.url("media/follow.m3u8"), Map.of(), null, FAST);
        long edge = SegmentStream.liveEdge(source);
        SegmentStream stream = new SegmentStream(source, edge, FAST, () -> false, STALL);

        byte[] read = stream.readAllBytes();

        assertThat(stream.end()).isEqualTo(SegmentStream.End.COMPLETE);
        assertThat(stream.segments()).isEqualTo(SourceMedia.LIVE_SEGMENTS - (int) edge);
        assertThat(read.length % 188).isZero();
        for (long n = edge; n < SourceMedia.LIVE_SEGMENTS; n++) {
            assertThat(server.requests(String.format("media/live_%03d.ts", n))).as("segment %d", n).isEqualTo(1);
        }
        assertThat(server.requests("media/live_000.ts")).as("before the live edge").isZero();
    }
}
