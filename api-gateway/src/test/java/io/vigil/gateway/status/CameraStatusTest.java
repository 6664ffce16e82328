package io.vigil.gateway.status;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Statuses written to the status topic, as ingest writes them, show up in the camera API. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CameraStatusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void liveStatusIsShownWithTheCamera() {
        create("status-porch");
        given().get("/api/cameras/status-porch").then().statusCode(200)
                .body("status.state", is("unknown")).body("status.online", is(false));

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(status("status-porch", CameraState.STREAMING, true, now, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-porch").then()
                .body("status.state", is("streaming"))
                .body("status.online", is(true))
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
                .body("status.state", is("streaming"))
                .body("status.online", is(false)));

        publish(status("status-gate", CameraState.OFFLINE, false, Instant.now(), "401 Unauthorized from rtsp://admin:hunter2@10.0.0.9/live"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-gate").then()
                .body("status.state", is("offline"))
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
                .body("status.state", is("connecting")));

        TestKafka.send(kafka, Topics.CAMERA_STATUS, "status-shed", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/cameras/status-shed").then()
                .body("status.state", is("unknown"))
                .body("status.instance", nullValue()));
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
                updatedAt.minusSeconds(60), updatedAt);
    }
}
