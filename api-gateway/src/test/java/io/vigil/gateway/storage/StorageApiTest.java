package io.vigil.gateway.storage;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.contracts.storage.VolumeUsage;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/storage on the real volume and catalog, and the cameras' retention settings. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class StorageApiTest {

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @Test
    void showsTheVolumeTheThresholdsTheStateAndBytesPerCamera() throws Exception {
        Files.createDirectories(root);
        TestCatalog.insertRecording("sto-a", "sto-a/1.mp4", Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:15:00Z"), 1000);
        TestCatalog.insertRecording("sto-a", "sto-a/2.mp4", Instant.parse("2025-03-01T10:15:00Z"), Instant.parse("2025-03-01T10:30:00Z"), 500);
        long deleting = TestCatalog.insertRecording("sto-a", "sto-a/3.mp4", Instant.parse("2025-03-01T10:30:00Z"),
                Instant.parse("2025-03-01T10:45:00Z"), 7000);
        TestCatalog.update("update recording set deleting_since = now() where id = ?", deleting);
        TestCatalog.insertRecording("sto-b", "sto-b/1.mp4", Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:15:00Z"), 42);

        JsonPath storage = given().get("/api/storage").then().statusCode(200).contentType(ContentType.JSON)
                .body("warnPercent", is(98)).body("blockPercent", is(99)) // the test profile's (application.properties)
                .extract().jsonPath();
        VolumeUsage usage = VolumeUsage.of(root);

        assertThat(storage.getLong("total")).isEqualTo(usage.totalBytes());
        assertThat(storage.getLong("used") + storage.getLong("free")).isEqualTo(storage.getLong("total"));
        assertThat(storage.getDouble("usedPercent")).isCloseTo(usage.usedPercent(), within(1.0));
        assertThat(storage.getString("state")).isEqualTo(new StorageThresholds(98, 99).state(usage).wireName());
        List<Map<String, Object>> cameras = storage.getList("cameras");
        assertThat(cameras).contains(Map.of("cameraId", "sto-a", "bytes", 1500, "recordings", 2),
                Map.of("cameraId", "sto-b", "bytes", 42, "recordings", 1));
    }

    @Test
    void retentionSettingsAreValidatedStoredAndShown() {
        given().contentType(ContentType.JSON).body("{\"id\":\"ret-a\",\"url\":\"rtsp://cam.local/a\"}").post("/api/cameras")
                .then().statusCode(201).body("retentionDays", is(7)).body("retentionBytes", nullValue());
        badRequest("{\"id\":\"ret-b\",\"url\":\"rtsp://cam.local/b\",\"retentionDays\":0}", "retentionDays");
        badRequest("{\"id\":\"ret-b\",\"url\":\"rtsp://cam.local/b\",\"retentionDays\":3651}", "retentionDays");
        badRequest("{\"id\":\"ret-b\",\"url\":\"rtsp://cam.local/b\",\"retentionBytes\":1000}", "retentionBytes");

        long revision = given().contentType(ContentType.JSON)
                .body("{\"id\":\"ret-b\",\"url\":\"rtsp://cam.local/b\",\"retentionDays\":3650,\"retentionBytes\":209715200}")
                .post("/api/cameras").then().statusCode(201)
                .body("retentionDays", is(3650)).body("retentionBytes", is(209715200))
                .extract().jsonPath().getLong("revision");
        assertThat(TestCatalog.single("select retention_days || '/' || retention_bytes from camera where id = 'ret-b'"))
                .isEqualTo("3650/209715200");

        // retention is the indexer's business: changing only it publishes no new configuration revision
        given().contentType(ContentType.JSON).body("{\"url\":\"rtsp://cam.local/b\",\"retentionDays\":1}").put("/api/cameras/ret-b")
                .then().statusCode(200).body("retentionDays", is(1)).body("retentionBytes", nullValue())
                .body("revision", is(revision));
        given().get("/api/cameras/ret-b").then().statusCode(200).body("retentionDays", is(1));
        assertThat(TestCatalog.single("select retention_days || '/' || coalesce(retention_bytes, -1) from camera where id = 'ret-b'"))
                .isEqualTo("1/-1");
    }

    private static void badRequest(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/cameras").then().statusCode(400)
                .contentType("application/problem+json").body("field", is(field));
    }
}
