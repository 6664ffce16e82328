package io.vigil.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.TlsCertificate;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.ingest.media.MediaServer;
import io.vigil.ingest.media.SourceMedia;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sources beyond RTSP through the running service and a real Kafka broker, against a real HTTP server
 * serving HLS and MP4 made by ffmpeg: a live HLS camera, imports from vigil.imports with their status
 * events on vigil.import-status, cancel, and the error ids.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CameraCertificates.class, restrictToAnnotatedClass = false)
class SourcesServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant IMPORT_START = Instant.parse("2025-06-01T08:00:00Z");
    private static MediaServer server;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private IngestTopics topics;
    private TopicLog importStatus;

    @BeforeAll
    static void serve() throws IOException {
        server = MediaServer.serve(SourceMedia.shared().dir());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        topics = new IngestTopics(bootstrapServers);
        importStatus = new TopicLog(bootstrapServers, Topics.IMPORT_STATUS);
    }

    @AfterEach
    void disconnect() {
        topics.close();
        importStatus.close();
    }

    @Test
    void aLiveHlsCameraRecordsTheGrowingPlaylistOnceEachSegment() throws Exception {
        long started = System.nanoTime();
        // one new 1 s segment a second, the newest four listed
        server.playlist("media/cam-live.m3u8", () -> SourceMedia.livePlaylist(3 + (int) ((System.nanoTime() - started) / 1_000_000_000L)));
        topics.send(camera("hls-live", server.url("media/cam-live.m3u8"), Map.of()));

        List<MediaPiece> pieces = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> topics.pieces("hls-live"), found -> found.size() >= 5);
        List<PieceHeader> headers = pieces.stream().map(MediaPiece::header).toList();
        String session = headers.get(0).sessionId();
        assertThat(headers).allSatisfy(header -> assertThat(header.sessionId()).isEqualTo(session));
        for (int n = 1; n < headers.size(); n++) {
            assertThat(headers.get(n).sequence()).isEqualTo(n);
            assertThat(headers.get(n).start()).isEqualTo(headers.get(n - 1).end());
        }
        assertThat(headers.get(0).keyframe()).isTrue();
        CameraStatus status = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> topics.latestStatus("hls-live"), found -> found != null && found.state() == CameraState.STREAMING);
        assertThat(status.source()).isEqualTo("hls");
        assertThat(status.v()).isEqualTo(CameraStatus.VERSION);

        topics.remove("hls-live");
        await().pollInSameThread().atMost(PATIENCE).until(() -> topics.statusRemoved("hls-live"));
        List<String> fetched = server.requests().stream().filter(path -> path.startsWith("/media/live_")).toList();
        assertThat(fetched).as("segments followed by media sequence, none fetched twice").doesNotHaveDuplicates();
        assertThat(fetched.size()).isGreaterThanOrEqualTo(5);
        assertThat(fetched).doesNotContain("/media/live_000.ts");
    }

    @Test
    void anRtspsCameraIsRecordedOverTls() throws Exception {
        assumeTrue(TlsCertificate.available(), "openssl makes the test camera's certificate");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "rtsps-");
        // the camera's certificate is the one in vigil.ingest.tls.ca-file (CameraCertificates)
        try (RtspCameraServer secure = RtspCameraServer.start(dir, List.of(TestCamera.overTls("secure", Scene.STILL)),
                CameraCertificates.trusted())) {
            assertThat(secure.url("secure")).startsWith("rtsps://");
            topics.send(camera("rtsps-cam", secure.url("secure"), Map.of()));
            List<MediaPiece> pieces = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.pieces("rtsps-cam"), found -> found.size() >= 2);
            assertThat(pieces.get(0).header().keyframe()).isTrue();
            assertThat(pieces.get(1).header().start()).isEqualTo(pieces.get(0).header().end());
            CameraStatus status = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.latestStatus("rtsps-cam"), found -> found != null && found.state() == CameraState.STREAMING);
            assertThat(status.source()).isEqualTo("rtsps");
            topics.remove("rtsps-cam");
            await().pollInSameThread().atMost(PATIENCE).until(() -> topics.statusRemoved("rtsps-cam"));
        }
    }

    @Test
    void anRtspsCameraWithAnUntrustedCertificateNeverRecords() throws Exception {
        assumeTrue(TlsCertificate.available(), "openssl makes the test camera's certificate");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "rtsps-untrusted-");
        // a self-signed certificate of its own, not in the CA file: what a man in the middle would show
        try (RtspCameraServer impostor = RtspCameraServer.start(dir, List.of(TestCamera.overTls("secure", Scene.STILL)))) {
            String url = impostor.url("secure").replace("rtsps://", "rtsps://admin:s3cret-pw@");
            topics.send(camera("rtsps-untrusted", url, Map.of()));
            CameraStatus status = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.latestStatus("rtsps-untrusted"), found -> found != null && found.state() == CameraState.OFFLINE);
            assertThat(status.source()).isEqualTo("rtsps");
            assertThat(status.lastError()).startsWith("the camera's TLS certificate is not trusted: ")
                    .doesNotContain("s3cret-pw");
            assertThat(status.errorCode()).isEqualTo("failure");
            assertThat(status.errorId()).isEqualTo("failure");
            // a few reconnects later: still nothing recorded, never streaming
            await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.latestStatus("rtsps-untrusted"), found -> found.reconnects() >= 2);
            assertThat(topics.latestStatus("rtsps-untrusted").state()).isNotEqualTo(CameraState.STREAMING);
            assertThat(topics.pieces("rtsps-untrusted")).isEmpty();
            assertThat(given().get("/q/metrics").asString())
                    .containsPattern("vigil_ingest_tls_refused_total\\{camera=\"rtsps-untrusted\"} [1-9]");
            topics.remove("rtsps-untrusted");
            await().pollInSameThread().atMost(PATIENCE).until(() -> topics.statusRemoved("rtsps-untrusted"));
        }
    }

    @Test
    void aForbiddenOrDrmProtectedLiveSourceIsOfflineWithItsErrorId() throws Exception {
        topics.send(camera("hls-denied", server.url("forbidden/live.m3u8"), Map.of()));
        topics.send(camera("hls-drm", server.url("media/sample-aes.m3u8"), Map.of()));

        CameraStatus denied = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> topics.latestStatus("hls-denied"), found -> found != null && found.state() == CameraState.OFFLINE);
        assertThat(denied.stopReason()).isEqualTo("error");
        assertThat(denied.errorId()).isEqualTo("forbidden");
        assertThat(denied.errorCode()).isEqualTo("unauthorized");
        CameraStatus drm = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> topics.latestStatus("hls-drm"), found -> found != null && found.state() == CameraState.OFFLINE);
        assertThat(drm.errorId()).isEqualTo("drm_protected");
        assertThat(drm.lastError()).contains("DRM-protected", "SAMPLE-AES");
        topics.remove("hls-denied");
        topics.remove("hls-drm");
    }

    @Test
    void vodImportsCopyTheWholeMediaIntoRecordingsAndComplete() throws Exception {
        for (String path : List.of("media/ts.m3u8", "media/fmp4.m3u8", "media/clip.mp4", "private/ts.m3u8")) {
            String cameraId = "imp-" + path.replaceAll("[^a-z0-9]", "-");
            Map<String, String> headers = path.startsWith("private/") ? Map.of("Authorization", MediaServer.TOKEN) : Map.of();
            String id = startImport(path, cameraId, headers);

            ImportStatus stopped = awaitStopped(id);
            assertThat(stopped.reason()).as("%s: %s", path, stopped.message()).isEqualTo("complete");
            assertThat(stopped.error()).isNull();
            assertThat(stopped.percent()).isEqualTo(100.0);
            assertThat(stopped.bytes()).isPositive();
            assertThat(stopped.etaSeconds()).isZero();
            assertThat(stopped.durationSeconds()).isBetween(SourceMedia.VOD_SECONDS - 0.5, SourceMedia.VOD_SECONDS + 0.5);
            assertThat(stopped.mediaStart()).isEqualTo(IMPORT_START);
            assertThat(stopped.kind()).isEqualTo(path.endsWith(".mp4") ? "mp4" : "hls");
            List<ImportStatus> events = importStatuses(id);
            assertThat(events.get(0).event()).isEqualTo(ImportStatus.Event.STARTED);

            // complete means Kafka took every piece; reading them back may take a few polls
            List<PieceHeader> pieces = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.pieces(cameraId).stream().map(MediaPiece::header).toList(),
                            found -> !found.isEmpty() && found.get(found.size() - 1).end().equals(stopped.mediaEnd()));
            assertThat(pieces).hasSizeBetween(SourceMedia.VOD_SECONDS - 1, SourceMedia.VOD_SECONDS + 1);
            assertThat(pieces.get(0).start()).isEqualTo(IMPORT_START);
            assertThat(pieces).as("stamped as an import, for retention").allSatisfy(piece ->
                    assertThat(piece.sessionCause()).isEqualTo(io.vigil.contracts.SessionCause.IMPORT));
            assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(stopped.mediaEnd());
            assertThat(Duration.between(IMPORT_START, stopped.mediaEnd()).toMillis())
                    .isBetween(SourceMedia.VOD_SECONDS * 1000L - 200, SourceMedia.VOD_SECONDS * 1000L + 200);
        }
    }

    @Test
    void anImportShowsProgressAndACancelStopsItKeepingWhatItCopied() throws Exception {
        server.slowRate(60_000);
        String id = startImport("slow/long.mp4", "imp-slow", Map.of());

        ImportStatus progress = await().pollInSameThread().atMost(PATIENCE).until(() -> last(importStatuses(id)),
                status -> status != null && status.event() == ImportStatus.Event.PROGRESS && status.percent() != null
                        && status.percent() > 0 && status.etaSeconds() != null);
        assertThat(progress.percent()).isLessThan(100.0);
        assertThat(progress.bytes()).isPositive();
        assertThat(progress.bytesPerSecond()).isPositive();
        assertThat(progress.durationSeconds()).isBetween(SourceMedia.LONG_SECONDS - 0.5, SourceMedia.LONG_SECONDS + 0.5);

        long cancelled = System.nanoTime();
        topics.send(Topics.IMPORTS, id, ContractJson.write(ImportCommand.cancel(id, Instant.now())));
        ImportStatus stopped = awaitStopped(id);
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);
        assertThat(took).as("a cancel stops the import within 5 s").isLessThan(Duration.ofSeconds(5));
        assertThat(stopped.reason()).isEqualTo("user");
        assertThat(stopped.percent()).isLessThan(100.0);
        List<MediaPiece> kept = await().pollInSameThread().atMost(PATIENCE).until(() -> topics.pieces("imp-slow"),
                found -> !found.isEmpty() && last(found).header().end().equals(stopped.mediaEnd()));
        assertThat(kept).as("what was copied stays, the last partial fragment too").isNotEmpty();
    }

    @Test
    void aRunningImportsStatusIsRenewedWhileItsSourceGivesNothing() throws Exception {
        // ~6 s per 1 s segment: for seconds no piece is made, yet the status goes on (progress-interval 200 ms here),
        // so that the gateway tells a slow source from a lost instance
        server.slowRate(4_000);
        String id = startImport("slow/ts.m3u8", "imp-renewed", Map.of());

        List<ImportStatus> waiting = await().pollInSameThread().atMost(PATIENCE).until(() -> importStatuses(id).stream()
                .filter(status -> status.event() == ImportStatus.Event.PROGRESS && status.mediaSeconds() == 0).toList(),
                found -> found.size() >= 5);
        for (int n = 1; n < waiting.size(); n++) {
            assertThat(waiting.get(n).updatedAt()).isAfter(waiting.get(n - 1).updatedAt());
        }
        topics.send(Topics.IMPORTS, id, ContractJson.write(ImportCommand.cancel(id, Instant.now())));
        assertThat(awaitStopped(id).reason()).isEqualTo("user");
        List<ImportStatus> all = importStatuses(id);
        assertThat(last(all).event()).as("nothing renewed after the stop").isEqualTo(ImportStatus.Event.STOPPED);
    }

    @Test
    void importsThatCannotBeReadStopWithTheirErrorIds() throws Exception {
        Map<String, String> expected = Map.of(
                "forbidden/clip.mp4", "forbidden",
                "private/ts.m3u8", "forbidden",
                "media/sample-aes.m3u8", "drm_protected",
                "media/cenc.mp4", "drm_protected",
                "media/nothing.m3u8", "not_found");
        for (Map.Entry<String, String> source : expected.entrySet()) {
            String id = startImport(source.getKey(), "imp-bad", Map.of());
            ImportStatus stopped = awaitStopped(id);
            assertThat(stopped.reason()).as(source.getKey()).isEqualTo("error");
            assertThat(stopped.error()).as(source.getKey() + ": " + stopped.message()).isEqualTo(source.getValue());
            assertThat(stopped.message()).isNotBlank().doesNotContain(MediaServer.TOKEN);
        }
        assertThat(topics.pieces("imp-bad")).isEmpty();
    }

    @Test
    void aRecordOnTheImportsTopicThatIsNoCommandGoesToTheDeadLetterTopicAndTheNextOneRuns() throws Exception {
        String broken = UUID.randomUUID().toString();
        topics.send(Topics.IMPORTS, broken, "{broken".getBytes(StandardCharsets.UTF_8));
        String id = startImport("media/ts.m3u8", "imp-after", Map.of());

        assertThat(awaitStopped(id).reason()).isEqualTo("complete");
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(bootstrapServers,
                found -> Topics.IMPORTS.equals(found.topic()) && broken.equals(found.key()), PATIENCE);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
        assertThat(letter.consumer()).isEqualTo("vigil-ingest");
        assertThat(letter.reason()).startsWith("not an import command");
    }

    private String startImport(String path, String cameraId, Map<String, String> headers) throws Exception {
        String id = UUID.randomUUID().toString();
        ImportCommand start = new ImportCommand(ImportCommand.VERSION, ImportCommand.Action.START, id, server.url(path),
                headers, null, cameraId, IMPORT_START, Instant.now());
        topics.send(Topics.IMPORTS, id, ContractJson.write(start));
        return id;
    }

    private ImportStatus awaitStopped(String id) {
        return await().pollInSameThread().atMost(PATIENCE).until(() -> last(importStatuses(id)),
                status -> status != null && status.event() == ImportStatus.Event.STOPPED);
    }

    private List<ImportStatus> importStatuses(String id) {
        return importStatus.records(id).stream().map(record -> ContractJson.read(record.value(), ImportStatus.class)).toList();
    }

    private static CameraConfig camera(String id, String url, Map<String, String> headers) {
        return new CameraConfig(CameraConfig.VERSION, id, id, url, CameraMode.CONTINUOUS, CameraConfig.DEFAULT_ROTATION_SECONDS,
                CameraConfig.DEFAULT_PRE_ROLL_SECONDS, CameraConfig.DEFAULT_POST_ROLL_SECONDS,
                CameraConfig.DEFAULT_MAX_EVENT_SECONDS, MotionSettings.DEFAULT, 1, Instant.now(), headers, null);
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
