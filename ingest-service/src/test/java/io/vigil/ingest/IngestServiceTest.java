package io.vigil.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.Topics;
import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.ingest.media.FfmpegTools;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static final String GATE_PASSWORD = "gate-secret";
    private static RtspCameraServer cameras;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;
    private TopicLog media;
    private TopicLog statuses;

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
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        media = new TopicLog(bootstrapServers, Topics.MEDIA);
        statuses = new TopicLog(bootstrapServers, Topics.CAMERA_STATUS);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        media.close();
        statuses.close();
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
        assertThat(given().get("/q/metrics").asString()).contains("vigil_ingest_stream_up{camera=\"door-1\"} 1.0");

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
        assertThat(statuses.records("bad-1")).isEmpty();
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
        assertThat(statuses.records("gate-1")).allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(GATE_PASSWORD));
        assertThat(given().get("/q/metrics").asString()).doesNotContain(GATE_PASSWORD);

        remove("gate-1");
    }

    @Test
    void modeOffRunsNothingAndEventsModeStreamsWithoutPublishingPieces() throws Exception {
        send(config("off-1", cameras.url("door"), CameraMode.OFF, 1));
        send(config("events-1", cameras.url("door"), CameraMode.EVENTS, 1));

        CameraStatus off = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("off-1"), Objects::nonNull);
        assertThat(off.state()).isEqualTo(CameraState.STOPPED);
        CameraStatus events = await().pollInSameThread().atMost(PATIENCE)
                .until(() -> latestStatus("events-1"), status -> status != null && status.state() == CameraState.STREAMING);
        assertThat(events.codec()).startsWith("avc1.");
        // two GOPs: a continuous camera would have published pieces by now
        TimeUnit.SECONDS.sleep(3);
        assertThat(pieces("events-1")).isEmpty();
        assertThat(pieces("off-1")).isEmpty();

        remove("off-1");
        remove("events-1");
    }

    private List<MediaPiece> pieces(String cameraId) {
        return media.records(cameraId).stream().map(record -> MediaPieceCodec.decode(record.value())).toList();
    }

    private CameraStatus latestStatus(String cameraId) {
        var records = statuses.records(cameraId);
        if (records.isEmpty() || last(records).value() == null) {
            return null;
        }
        return ContractJson.read(last(records).value(), CameraStatus.class);
    }

    /** The camera's latest status record is a tombstone. */
    private boolean statusRemoved(String cameraId) {
        var records = statuses.records(cameraId);
        return !records.isEmpty() && last(records).value() == null;
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    private static CameraConfig config(String id, String url, CameraMode mode, long revision) {
        return config(id, url, mode, revision, 900);
    }

    private static CameraConfig config(String id, String url, CameraMode mode, long revision, int rotation) {
        return new CameraConfig(CameraConfig.VERSION, id, id, url, mode, rotation, revision, Instant.now());
    }

    private void send(CameraConfig config) throws Exception {
        sendRaw(config.id(), ContractJson.write(config));
    }

    private void remove(String cameraId) throws Exception {
        sendRaw(cameraId, null);
    }

    private void sendRaw(String key, byte[] value) throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.CAMERA_CONFIG, key, value)).get(10, TimeUnit.SECONDS);
    }
}
