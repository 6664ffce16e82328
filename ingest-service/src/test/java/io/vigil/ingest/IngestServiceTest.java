package io.vigil.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.contracts.RecordingState;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Trigger;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.ingest.media.FfmpegTools;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * The service against a real Kafka broker and real RTSP cameras (GStreamer): what a camera config
 * on the topic turns into on the media and status topics.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
class IngestServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final int PRE_ROLL_SECONDS = 2;
    private static final int POST_ROLL_SECONDS = 2;
    private static final String GATE_PASSWORD = "gate-secret";
    private static RtspCameraServer cameras;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private IngestTopics topics;

    @BeforeAll
    static void startCameras() throws IOException {
        Path dir = Files.createDirectories(Path.of("target"));
        cameras = RtspCameraServer.start(Files.createTempDirectory(dir.toAbsolutePath(), "rtsp-"), List.of(
                TestCamera.open("door", Scene.MOVING),
                TestCamera.withPassword("gate", Scene.STILL, "viewer", GATE_PASSWORD)));
    }

    @AfterAll
    static void stopCameras() {
        cameras.close();
    }

    @BeforeEach
    void connect() {
        topics = new IngestTopics(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void aContinuousCameraBecomesContiguousPlayablePiecesAndStopsWhenRemoved() throws Exception {
        Instant sent = Instant.now();
        CameraConfig door = config("door-1", cameras.url("door"), CameraMode.CONTINUOUS, 1);
        send(door);

        List<MediaPiece> pieces = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> pieces("door-1"), found -> found.size() >= 4);
        List<PieceHeader> headers = pieces.stream().map(MediaPiece::header).toList();
        String sessionId = headers.get(0).sessionId();
        assertThat(headers).allSatisfy(header -> assertThat(header.sessionId()).isEqualTo(sessionId));
        for (int n = 0; n < headers.size(); n++) {
            assertThat(headers.get(n).sequence()).isEqualTo(n);
        }
        assertThat(headers.get(0).keyframe()).isTrue();
        assertThat(headers.get(0).codec()).matches("avc1\\.[0-9a-f]{6}");
        assertThat(headers.get(0).rotationSeconds()).isEqualTo(900);
        assertThat(headers).allSatisfy(header -> assertThat(header.reason()).isEqualTo(RecordingReason.CONTINUOUS));
        // the first session of a camera on this instance, and who runs it
        assertThat(headers).allSatisfy(header -> {
            assertThat(header.sessionCause()).isEqualTo(SessionCause.START);
            assertThat(header.previousFailure()).isNull();
            assertThat(header.instance()).isEqualTo("ingest-test");
        });
        // the anchor is the wall clock when the stream started, not the camera's idea of time
        assertThat(headers.get(0).start()).isBetween(sent, sent.plusSeconds(10));
        for (int n = 1; n < headers.size(); n++) {
            assertThat(headers.get(n).start()).as("piece %d starts where piece %d ends", n, n - 1)
                    .isEqualTo(headers.get(n - 1).end());
        }
        assertThat(headers).allSatisfy(header -> assertThat(header.durationMicros()).isBetween(500_000L, 1_500_000L));

        ByteArrayOutputStream playable = new ByteArrayOutputStream();
        playable.writeBytes(pieces.get(1).init());
        playable.writeBytes(pieces.get(1).fragment());
        Path file = Files.write(Files.createTempFile(Path.of("target").toAbsolutePath(), "door-", ".mp4"), playable.toByteArray());
        String probe = FfmpegTools.probe(file);
        assertThat(probe).contains("codec_name=h264", "width=1280", "height=720");

        CameraStatus streaming = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("door-1"), status -> status != null && status.piecesPublished() > 0);
        assertThat(streaming.state()).isEqualTo(CameraState.STREAMING);
        assertThat(streaming.online()).isTrue();
        assertThat(streaming.sessionId()).isEqualTo(sessionId);
        assertThat(streaming.codec()).isEqualTo(headers.get(0).codec());
        assertThat(streaming.width()).isEqualTo(1280);
        assertThat(streaming.height()).isEqualTo(720);
        assertThat(streaming.fps()).isGreaterThan(10);
        assertThat(streaming.bitrate()).isGreaterThan(100_000);
        assertThat(streaming.instance()).isEqualTo("ingest-test");
        assertThat(given().get("/q/metrics").asString()).contains("vigil_ingest_stream_up{camera=\"door-1\"} 1.0")
                .contains("vigil_ingest_camera_running{camera=\"door-1\",instance=\"ingest-test\"} 1.0");
        // the camera's clock is the machine's own here: its measured drift is small
        CameraStatus measured = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("door-1"), status -> status != null && status.clockSkewSeconds() != null);
        assertThat(measured.clockSkewSeconds()).isBetween(-1.0, 1.0);
        assertThat(given().get("/q/metrics").asString()).contains("vigil_ingest_clock_skew_seconds{camera=\"door-1\"}");

        // a replay of the same revision changes nothing; a new rotation applies without reconnecting
        send(door);
        send(config("door-1", cameras.url("door"), CameraMode.CONTINUOUS, 2, 60));
        MediaPiece rotated = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> last(pieces("door-1")), piece -> piece.header().rotationSeconds() == 60);
        assertThat(rotated.header().sessionId()).isEqualTo(sessionId);
        assertThat(latestStatus("door-1").reconnects()).isZero();

        remove("door-1");
        await().pollInSameThread().atMost(PATIENCE).until(() -> statusRemoved("door-1"));
        int published = pieces("door-1").size();
        TimeUnit.SECONDS.sleep(3);
        assertThat(pieces("door-1")).as("no piece after the camera was removed").hasSize(published);
        assertThat(given().get("/q/metrics").asString()).doesNotContain("camera=\"door-1\"");
    }

    @Test
    void aCameraNobodyAnswersForIsOfflineAsRefusedAndRetried() throws Exception {
        // malformed records are skipped without stopping the consumer
        sendRaw("bad-1", "{not json".getBytes(StandardCharsets.UTF_8));
        sendRaw("Not An Id", ContractJson.write(config("ok-1", "rtsp://127.0.0.1/x", CameraMode.CONTINUOUS, 1)));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        send(config("dead-1", "rtsp://127.0.0.1:" + port + "/live", CameraMode.CONTINUOUS, 1));

        CameraStatus offline = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("dead-1"), status -> status != null && status.reconnects() >= 2
                        && status.state() == CameraState.OFFLINE);
        assertThat(offline.errorCode()).isEqualTo("refused");
        assertThat(offline.online()).isFalse();
        assertThat(offline.lastError()).startsWith("connection refused");
        assertThat(offline.retryAt()).isAfter(offline.since());
        assertThat(topics.statusRecords("bad-1")).isEmpty();
        assertThat(deadLetter(Topics.CAMERA_CONFIG, "bad-1").value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetter(Topics.CAMERA_CONFIG, "Not An Id").reason()).isNotBlank();
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("Kafka connection health check"));

        remove("dead-1");
        await().pollInSameThread().atMost(PATIENCE).until(() -> statusRemoved("dead-1"));
    }

    @Test
    void aCameraThatDropsIsReopenedInANewSession() throws Exception {
        send(config("drop-1", cameras.url("door"), CameraMode.CONTINUOUS, 1));
        String firstSession = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> pieces("drop-1"), found -> !found.isEmpty()).get(0).header().sessionId();

        cameras.stop();
        try {
            CameraStatus down = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> latestStatus("drop-1"), status -> "refused".equals(status.errorCode()));
            assertThat(down.state()).isEqualTo(CameraState.OFFLINE);
        } finally {
            cameras.start();
        }

        MediaPiece reopened = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> last(pieces("drop-1")), piece -> !piece.header().sessionId().equals(firstSession));
        List<PieceHeader> second = pieces("drop-1").stream().map(MediaPiece::header)
                .filter(header -> header.sessionId().equals(reopened.header().sessionId())).toList();
        assertThat(second.get(0).sequence()).isZero();
        assertThat(second.get(0).keyframe()).isTrue();
        // the new session says why it began: the camera had been unreachable (connections refused)
        assertThat(pieces("drop-1").get(0).header().sessionCause()).isEqualTo(SessionCause.START);
        assertThat(second).allSatisfy(header -> {
            assertThat(header.sessionCause()).isEqualTo(SessionCause.RECONNECT);
            assertThat(header.previousFailure()).isEqualTo("refused");
            assertThat(header.instance()).isEqualTo("ingest-test");
        });
        CameraStatus streaming = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("drop-1"), status -> status.state() == CameraState.STREAMING);
        assertThat(streaming.sessionId()).isEqualTo(reopened.header().sessionId());
        assertThat(streaming.reconnects()).isPositive();
        assertThat(streaming.lastError()).isNull();

        remove("drop-1");
    }

    @Test
    void aWrongPasswordIsUnauthorizedAndNeverShown() throws Exception {
        String wrong = cameras.url("gate").replace(GATE_PASSWORD, "not-the-" + GATE_PASSWORD);
        send(config("gate-1", wrong, CameraMode.CONTINUOUS, 1));

        CameraStatus offline = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("gate-1"), status -> status != null && status.state() == CameraState.OFFLINE);
        assertThat(offline.errorCode()).isEqualTo("unauthorized");
        assertThat(topics.statusRecords("gate-1")).allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(GATE_PASSWORD));
        assertThat(given().get("/q/metrics").asString()).doesNotContain(GATE_PASSWORD);

        remove("gate-1");
    }

    @Test
    void modeOffRunsNothingAndEventsModeRecordsOnlyAroundATriggerOrAManualRecording() throws Exception {
        send(config("off-1", cameras.url("door"), CameraMode.OFF, 1));
        send(IngestTopics.eventsConfig("events-1", cameras.url("door"), 1, PRE_ROLL_SECONDS, POST_ROLL_SECONDS));

        CameraStatus off = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("off-1"), Objects::nonNull);
        assertThat(off.state()).isEqualTo(CameraState.STOPPED);
        assertThat(off.recordingState()).isEqualTo(RecordingState.IDLE);
        // buffering: the pre-roll plus the GOP holding its start, and not one piece published
        CameraStatus buffering = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("events-1"), status -> status != null && status.preRoll().seconds() >= PRE_ROLL_SECONDS);
        assertThat(buffering.state()).isEqualTo(CameraState.STREAMING);
        assertThat(buffering.recordingState()).isEqualTo(RecordingState.BUFFERING);
        assertThat(buffering.recording()).isFalse();
        assertThat(buffering.preRoll().seconds()).isLessThanOrEqualTo(PRE_ROLL_SECONDS + 1.5);
        assertThat(pieces("events-1")).isEmpty();
        assertThat(pieces("off-1")).isEmpty();
        assertThat(given().get("/q/metrics").asString()).contains("vigil_ingest_preroll_bytes{camera=\"events-1\"}");

        // records that break their contract are skipped (had they been applied, they would have started an event)
        topics.send(Topics.TRIGGERS, "events-1", "{not json".getBytes(StandardCharsets.UTF_8));
        topics.trigger(new Trigger(Trigger.VERSION, "events-1", null, Instant.now(), -5, null));
        topics.command(new CameraCommand(CameraCommand.VERSION, "events-1", CameraCommand.Action.START, " ", Instant.now(), null));

        // an external trigger: pre-roll at once, then the trigger's second and the post-roll
        Instant triggered = Instant.now();
        topics.trigger(new Trigger(Trigger.VERSION, "events-1", "bell-" + triggered.toEpochMilli(), triggered, 1, "doorbell"));
        CameraEvent ended = awaitEvent("events-1", CameraEvent.EVENT_ENDED, 1);
        CameraEvent started = topics.events("events-1").get(0);
        assertThat(started.type()).isEqualTo(CameraEvent.EVENT_STARTED);
        assertThat(started.eventId()).isEqualTo(ended.eventId());
        assertThat(started.reason()).isEqualTo(RecordingReason.EXTERNAL);
        assertThat(started.label()).isEqualTo("doorbell");
        assertThat(started.time()).isEqualTo(triggered);
        // the pieces and the events travel on separate topics: wait for the pieces to catch up
        List<PieceHeader> external = await().pollInSameThread().atMost(PATIENCE).until(() -> headers("events-1"),
                found -> !found.isEmpty() && last(found).end().equals(ended.recordingEnd()));
        assertThat(external).allSatisfy(header -> {
            assertThat(header.eventId()).isEqualTo(started.eventId());
            assertThat(header.reason()).isEqualTo(RecordingReason.EXTERNAL);
        });
        PieceHeader first = external.get(0);
        assertThat(first.keyframe()).isTrue();
        Instant preRollStart = triggered.minusSeconds(PRE_ROLL_SECONDS);
        assertThat(first.start()).as("the recording begins at the keyframe before trigger - pre-roll")
                .isBeforeOrEqualTo(preRollStart).isAfter(preRollStart.minusMillis(1_500));
        assertContiguous(external);
        assertThat(last(external).end()).isAfterOrEqualTo(triggered.plusSeconds(1 + POST_ROLL_SECONDS));
        assertThat(ended.time()).isEqualTo(triggered.plusSeconds(1));
        CameraStatus afterwards = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("events-1"), status -> status.recordingState() == RecordingState.BUFFERING);
        assertThat(afterwards.eventId()).isNull();
        assertThat(topics.statuses("events-1")).extracting(CameraStatus::recordingState)
                .containsSubsequence(RecordingState.BUFFERING, RecordingState.RECORDING, RecordingState.BUFFERING);
        assertThat(topics.statuses("events-1")).filteredOn(status -> status.recordingState() == RecordingState.RECORDING)
                .allSatisfy(status -> {
                    assertThat(status.eventId()).isEqualTo(started.eventId());
                    assertThat(status.eventReason()).isEqualTo(RecordingReason.EXTERNAL);
                    assertThat(status.recording()).isTrue();
                });

        // a manual recording, started and stopped through the command topic, under the command's event id
        topics.command(new CameraCommand(CameraCommand.VERSION, "events-1", CameraCommand.Action.START, "manual-1",
                Instant.now(), null));
        await().pollInSameThread().atMost(PATIENCE).until(() -> headers("events-1").stream()
                .filter(header -> "manual-1".equals(header.eventId())).count() >= 2);
        // the status goes out on its own topic, right after the state change that released the pieces
        CameraStatus manual = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("events-1"), status -> status.recordingState() == RecordingState.RECORDING);
        assertThat(manual.eventId()).isEqualTo("manual-1");
        assertThat(manual.eventReason()).isEqualTo(RecordingReason.MANUAL);
        topics.command(new CameraCommand(CameraCommand.VERSION, "events-1", CameraCommand.Action.STOP, "manual-1",
                Instant.now(), null));
        CameraEvent manualEnded = awaitEvent("events-1", CameraEvent.EVENT_ENDED, 2);
        assertThat(manualEnded.eventId()).isEqualTo("manual-1");
        assertThat(manualEnded.reason()).isEqualTo(RecordingReason.MANUAL);
        await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("events-1").recordingState() == RecordingState.BUFFERING);
        List<PieceHeader> all = headers("events-1");
        assertThat(all).filteredOn(header -> "manual-1".equals(header.eventId()))
                .allSatisfy(header -> assertThat(header.reason()).isEqualTo(RecordingReason.MANUAL));
        assertThat(all).extracting(header -> header.sessionId() + "/" + header.sequence())
                .as("no piece published twice").doesNotHaveDuplicates();
        // the refused trigger and command records are kept with their reasons
        assertThat(deadLetter(Topics.TRIGGERS, "events-1").reason()).isNotBlank();
        assertThat(deadLetter(Topics.CAMERA_COMMANDS, "events-1").reason()).isNotBlank();
        assertThat(given().get("/q/metrics").asString())
                .contains("vigil_ingest_events_started_total{camera=\"events-1\",reason=\"external\"} 1.0")
                .contains("vigil_ingest_events_started_total{camera=\"events-1\",reason=\"manual\"} 1.0");

        remove("off-1");
        remove("events-1");
    }

    @Test
    void aMovingPictureStartsAMotionEventThatEndsWhenTheCameraIsRemoved() throws Exception {
        send(new CameraConfig(CameraConfig.VERSION, "motion-1", "motion-1", cameras.url("door"), CameraMode.EVENTS, 900,
                PRE_ROLL_SECONDS, POST_ROLL_SECONDS, 60, MotionSettings.DEFAULT, 1, Instant.now()));

        CameraEvent started = awaitEvent("motion-1", CameraEvent.EVENT_STARTED, 1);
        assertThat(started.reason()).isEqualTo(RecordingReason.MOTION);
        CameraEvent motion = awaitEvent("motion-1", CameraEvent.MOTION_STARTED, 1);
        assertThat(motion.eventId()).isEqualTo(started.eventId());
        assertThat(motion.score()).isPositive();
        assertThat(motion.box()).isNotNull();
        assertThat(motion.box().problem()).isNull();
        List<PieceHeader> recorded = await().pollInSameThread().atMost(PATIENCE).until(() -> headers("motion-1"),
                found -> found.size() >= 2);
        assertThat(recorded).allSatisfy(header -> {
            assertThat(header.eventId()).isEqualTo(started.eventId());
            assertThat(header.reason()).isEqualTo(RecordingReason.MOTION);
            assertThat(header.rotationSeconds()).isEqualTo(60);
        });
        assertThat(recorded.get(0).keyframe()).isTrue();
        CameraStatus recording = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("motion-1"), status -> status.recordingState() == RecordingState.RECORDING);
        assertThat(recording.eventReason()).isEqualTo(RecordingReason.MOTION);
        assertThat(given().get("/q/metrics").asString()).contains("vigil_ingest_motion_score{camera=\"motion-1\"}");

        // the ball never stops: removing the camera ends its motion and its event
        remove("motion-1");
        CameraEvent ended = awaitEvent("motion-1", CameraEvent.EVENT_ENDED, 1);
        assertThat(ended.eventId()).isEqualTo(started.eventId());
        assertThat(topics.events("motion-1")).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED,
                CameraEvent.MOTION_STARTED, CameraEvent.MOTION_ENDED, CameraEvent.EVENT_ENDED);
    }

    private CameraEvent awaitEvent(String cameraId, String type, int count) {
        return await().pollInSameThread().atMost(PATIENCE).until(() -> topics.events(cameraId).stream()
                .filter(event -> event.type().equals(type)).toList(), found -> found.size() >= count).get(count - 1);
    }

    private List<PieceHeader> headers(String cameraId) {
        return pieces(cameraId).stream().map(MediaPiece::header).toList();
    }

    static void assertContiguous(List<PieceHeader> headers) {
        for (int n = 1; n < headers.size(); n++) {
            assertThat(headers.get(n).start()).as("piece %d starts where piece %d ends", n, n - 1)
                    .isEqualTo(headers.get(n - 1).end());
        }
    }

    private List<MediaPiece> pieces(String cameraId) {
        return topics.pieces(cameraId);
    }

    private CameraStatus latestStatus(String cameraId) {
        return topics.latestStatus(cameraId);
    }

    private boolean statusRemoved(String cameraId) {
        return topics.statusRemoved(cameraId);
    }

    private static <T> T last(List<T> list) {
        return IngestTopics.last(list);
    }

    private static CameraConfig config(String id, String url, CameraMode mode, long revision) {
        return config(id, url, mode, revision, 900);
    }

    private static CameraConfig config(String id, String url, CameraMode mode, long revision, int rotation) {
        return IngestTopics.config(id, url, mode, revision, rotation);
    }

    private void send(CameraConfig config) throws Exception {
        topics.send(config);
    }

    private void remove(String cameraId) throws Exception {
        topics.remove(cameraId);
    }

    private DeadLetterTopic.Letter deadLetter(String topic, String key) {
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(bootstrapServers,
                found -> topic.equals(found.topic()) && key.equals(found.key()), PATIENCE);
        assertThat(letter.consumer()).isEqualTo("vigil-ingest");
        return letter;
    }

    private void sendRaw(String key, byte[] value) throws Exception {
        topics.send(Topics.CAMERA_CONFIG, key, value);
    }
}
