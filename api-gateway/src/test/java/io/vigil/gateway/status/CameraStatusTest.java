package io.vigil.gateway.status;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.PreRollStats;
import io.vigil.contracts.RecorderStatus;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

/** Statuses written to the status topic, as ingest writes them, show up in the camera API. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CameraStatusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void liveStatusIsShownWithTheCamera() {
        create("status-porch");
        given().get("/api/cameras/status-porch").then().statusCode(200)
                .body("status.state", is("unknown")).body("status.connection", is("unknown"))
                .body("status.online", is(false)).body("status.recording", is(false));

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(status("status-porch", CameraState.STREAMING, true, now, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-porch").then()
                .body("status.state", is("buffering"))
                .body("status.connection", is("streaming"))
                .body("status.online", is(true))
                .body("status.recording", is(false))
                .body("status.eventId", nullValue())
                .body("status.preRollSeconds", is(4.0f))
                .body("status.preRoll.pieces", is(5))
                .body("status.instance", is("ingest-7"))
                .body("status.sessionId", is("session-42"))
                .body("status.codec", is("avc1.64001f"))
                .body("status.width", is(1280))
                .body("status.height", is(720))
                .body("status.fps", is(25.0f))
                .body("status.bitrate", is(2_000_000))
                .body("status.reconnects", is(3))
                .body("status.updatedAt", is(now.toString())));
    }

    @Test
    void staleOrFailingStatusIsOffline() {
        create("status-gate");
        publish(status("status-gate", CameraState.STREAMING, true, Instant.now().minusSeconds(120), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-gate").then()
                .body("status.state", is("unknown"))
                .body("status.connection", is("streaming"))
                .body("status.online", is(false))
                .body("status.recording", is(false)));

        publish(status("status-gate", CameraState.OFFLINE, false, Instant.now(), "401 Unauthorized from rtsp://admin:hunter2@10.0.0.9/live"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-gate").then()
                .body("status.connection", is("offline"))
                .body("status.errorCode", is("unauthorized"))
                .body("status.lastError", is("401 Unauthorized from rtsp://***@10.0.0.9/live")));
    }

    @Test
    void malformedRecordsAreSkippedAndTombstonesForget() {
        create("status-shed");
        TestKafka.send(kafka, Topics.CAMERA_STATUS, "status-shed", "{not json".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(kafka, Topics.CAMERA_STATUS, "status-shed", "{\"state\":\"dancing\"}".getBytes(StandardCharsets.UTF_8));
        publish(status("status-shed", CameraState.CONNECTING, false, Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-shed").then()
                .body("status.connection", is("connecting")));

        DeadLetterTopic.Letter letter = DeadLetterTopic.await(kafka, found -> Topics.CAMERA_STATUS.equals(found.topic())
                && "status-shed".equals(found.key()) && "{not json".equals(new String(found.value(), StandardCharsets.UTF_8)),
                Duration.ofSeconds(30));
        assertThat(letter.consumer()).isEqualTo("vigil-gateway");
        assertThat(letter.reason()).isNotBlank();

        TestKafka.send(kafka, Topics.CAMERA_STATUS, "status-shed", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-shed").then()
                .body("status.state", is("unknown"))
                .body("status.connection", is("unknown"))
                .body("status.instance", nullValue()));
    }

    @Test
    void recordingStateEventAndCurrentFileAreShown() {
        create("status-drive");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant eventStart = now.minusSeconds(12);
        CameraStatus recording = new CameraStatus(CameraStatus.VERSION, "status-drive", "ingest-7", CameraState.STREAMING,
                true, "session-42", "avc1.64001f", 1280, 720, 25.0, 2_000_000, null, null, null, 0, 120,
                now.minusSeconds(60), now, RecordingState.RECORDING, true, "ev-drive-1", RecordingReason.MANUAL, eventStart,
                new PreRollStats(5.2, 1_300_000, 6, 1_500_000, 3));
        publish(recording);
        String file = "status-drive/2026-11-22/status-drive_2026-11-22_10-00-00.mp4";
        TestKafka.send(kafka, Topics.RECORDER_STATUS, "status-drive", ContractJson.write(
                new RecorderStatus(RecorderStatus.VERSION, "status-drive", "recorder-1", file, eventStart.minusSeconds(5),
                        "ev-drive-1", now)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-drive").then()
                .body("status.state", is("recording"))
                .body("status.connection", is("streaming"))
                .body("status.online", is(true))
                .body("status.recording", is(true))
                .body("status.eventId", is("ev-drive-1"))
                .body("status.eventReason", is("manual"))
                .body("status.eventStartedAt", is(eventStart.toString()))
                .body("status.elapsedSeconds", allOf(greaterThanOrEqualTo(12), lessThan(40)))
                .body("status.currentFile", is(file))
                .body("status.preRollSeconds", is(5.2f))
                .body("status.preRoll.seconds", is(5.2f))
                .body("status.preRoll.bytes", is(1_300_000))
                .body("status.preRoll.pieces", is(6))
                .body("status.preRoll.peakBytes", is(1_500_000))
                .body("status.preRoll.drops", is(3))
                .body("status.fps", is(25.0f))
                .body("status.bitrate", is(2_000_000)));
        given().get("/api/cameras").then().statusCode(200)
                .body("find { it.id == 'status-drive' }.status.currentFile", is(file));

        // the recorder closed the file
        TestKafka.send(kafka, Topics.RECORDER_STATUS, "status-drive", ContractJson.write(
                new RecorderStatus(RecorderStatus.VERSION, "status-drive", "recorder-1", null, null, null, Instant.now())));
        TestKafka.send(kafka, Topics.RECORDER_STATUS, "status-drive", "{broken".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-drive").then()
                .body("status.currentFile", nullValue())
                .body("status.elapsedSeconds", allOf(greaterThanOrEqualTo(12), lessThan(40))));
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(kafka, found -> Topics.RECORDER_STATUS.equals(found.topic())
                && "status-drive".equals(found.key()), Duration.ofSeconds(30));
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
        assertThat(letter.consumer()).isEqualTo("vigil-gateway");
    }

    private void publish(CameraStatus status) {
        TestKafka.send(kafka, Topics.CAMERA_STATUS, status.cameraId(), ContractJson.write(status));
    }

    private static void create(String id) {
        given().contentType(ContentType.JSON).body(Map.of("id", id, "url", "rtsp://cam.local/" + id))
                .post("/api/cameras").then().statusCode(201);
    }

    private static CameraStatus status(String id, CameraState state, boolean online, Instant updatedAt, String lastError) {
        return new CameraStatus(CameraStatus.VERSION, id, "ingest-7", state, online, "session-42", "avc1.64001f",
                1280, 720, 25.0, 2_000_000, lastError, lastError == null ? null : "unauthorized", null, 3, 120,
                updatedAt.minusSeconds(60), updatedAt, state == CameraState.STREAMING ? RecordingState.BUFFERING : RecordingState.IDLE,
                false, null, null, null, new PreRollStats(4.0, 1_000_000, 5, 1_200_000, 0));
    }
}
