package io.vigil.gateway.audit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.contracts.AuditRecord;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** The audit log on a real catalog and Kafka: what each audited request writes, how it is read back, and its copy on vigil.audit. */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AuditLogTest {

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    AuditLog log;
    @Inject
    AuditRetention retention;

    @Test
    void cameraChangesAreRecordedWithTheirOutcome() {
        Instant since = Instant.now();
        given().contentType(ContentType.JSON).body(Map.of("id", "audit-cam", "url", "rtsp://admin:s3cret@cam.local/s"))
                .post("/api/cameras").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("id", "audit-cam", "url", "rtsp://cam.local/s"))
                .post("/api/cameras").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("url", "rtsp://cam.local/s", "mode", "off"))
                .put("/api/cameras/audit-cam").then().statusCode(200);
        given().delete("/api/cameras/audit-cam").then().statusCode(204);
        given().delete("/api/cameras/audit-cam").then().statusCode(404);

        JsonPath entries = entries(Map.of("camera", "audit-cam", "from", since.toString()));
        assertThat(entries.getList("action")).containsExactly("camera.delete", "camera.delete", "camera.update", "camera.create");
        assertThat(entries.getList("status", Integer.class)).containsExactly(404, 204, 200, 201);
        assertThat(entries.getList("outcome")).containsExactly("failed", "succeeded", "succeeded", "succeeded");
        assertThat(entries.getList("actor")).containsOnly("tester");
        assertThat(entries.getString("[0].detail")).isNotBlank();
        // the refused create has no camera of its own in the Location: it is found by action, not by camera
        JsonPath refused = entries(Map.of("action", "camera.create", "from", since.toString()));
        assertThat(refused.getList("status", Integer.class)).contains(409);
        assertThat(TestCatalog.single("select count(*) from audit_entry where detail like '%s3cret%'"))
                .as("no camera password in the audit log").isEqualTo("0");
    }

    @Test
    void aHostileIdStillMakesItsEntry() {
        Instant since = Instant.now();
        given().delete("/api/cameras/" + "z".repeat(100)).then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
        given().urlEncodingEnabled(false).delete("/api/cameras/nul%00cam").then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));

        List<String> cameras = entries(Map.of("action", "camera.delete", "from", since.toString())).getList("cameraId");
        assertThat(cameras).contains("z".repeat(62) + "…", "nul\uFFFDcam");
    }

    @Test
    void manualRecordingsStartedAndStoppedAreRecorded() {
        given().contentType(ContentType.JSON).body(Map.of("id", "audit-manual", "url", "rtsp://cam.local/s"))
                .post("/api/cameras").then().statusCode(201);
        Instant since = Instant.now();
        given().contentType(ContentType.JSON).body(Map.of("durationSeconds", 60))
                .post("/api/cameras/audit-manual/recording").then().statusCode(201);
        given().delete("/api/cameras/audit-manual/recording").then().statusCode(204);
        given().delete("/api/cameras/audit-manual/recording").then().statusCode(404);
        given().post("/api/cameras/audit-no-such-camera/recording").then().statusCode(404);

        JsonPath entries = entries(Map.of("camera", "audit-manual", "from", since.toString()));
        assertThat(entries.getList("action")).containsExactly("recording.stop", "recording.stop", "recording.start");
        assertThat(entries.getList("outcome")).containsExactly("failed", "succeeded", "succeeded");
        assertThat(entries(Map.of("camera", "audit-no-such-camera", "from", since.toString())).getList("action"))
                .containsExactly("recording.start");
    }

    @Test
    void lockUnlockAndDeleteOfARecordingAreRecordedWithItsCamera() throws Exception {
        String path = "audit-rec/2025-03-01/a.mp4";
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[100]);
        long id = TestCatalog.insertRecording("audit-rec", path, Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T10:15:00Z"), 100);
        Instant since = Instant.now();

        given().put("/api/recordings/" + id + "/lock").then().statusCode(200);
        given().delete("/api/recordings/" + id).then().statusCode(409);
        given().delete("/api/recordings/" + id + "/lock").then().statusCode(200);
        given().delete("/api/recordings/" + id).then().statusCode(204);

        JsonPath entries = entries(Map.of("camera", "audit-rec", "from", since.toString()));
        assertThat(entries.getList("action")).containsExactly("recording.delete", "recording.unlock", "recording.delete", "recording.lock");
        assertThat(entries.getList("outcome")).containsExactly("succeeded", "succeeded", "failed", "succeeded");
        assertThat(entries.getList("recordingId", Long.class)).containsOnly(id);
        assertThat(entries.getString("[2].detail")).containsIgnoringCase("lock");
    }

    @Test
    void importsStartedAndCancelledAreRecordedWithTheImportId() {
        Instant since = Instant.now();
        String location = given().contentType(ContentType.JSON).body(Map.of("url", "https://media.local/audit/clip.mp4"))
                .post("/api/imports").then().statusCode(202).extract().header("Location");
        String importId = location.substring(location.lastIndexOf('/') + 1);
        given().delete("/api/imports/" + importId).then().statusCode(202);

        JsonPath entries = entries(Map.of("from", since.toString(), "action", "import.start"));
        assertThat(entries.getList("target")).contains(importId);
        JsonPath cancels = entries(Map.of("from", since.toString(), "action", "import.cancel"));
        assertThat(cancels.getList("target")).contains(importId);
    }

    @Test
    void theClientAddressIsThePeerNotAForwardedHeaderWithoutATrustedProxy() throws Exception {
        Instant since = Instant.now();
        given().header("X-Forwarded-For", "203.0.113.9").delete("/api/recordings/987654321").then().statusCode(404);

        JsonPath entries = entries(Map.of("action", "recording.delete", "from", since.toString()));
        assertThat(entries.getList("clientAddress")).containsOnly("127.0.0.1");
    }

    @Test
    void aLoginReportedByTheAuthenticationIsRecordedAndPublished() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry login = AuditEntry.login("mallory", false, "198.51.100.7", at);
        log.record(login);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath entries = entries(Map.of("actor", "mallory", "action", "login"));
            assertThat(entries.getList("id")).containsExactly(login.id().toString());
            assertThat(entries.getString("[0].outcome")).isEqualTo("denied");
            assertThat(entries.getString("[0].clientAddress")).isEqualTo("198.51.100.7");
            assertThat(entries.getString("[0].at")).isEqualTo(at.toString());
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = TestKafka.records(kafka, Topics.AUDIT, login.id().toString());
            assertThat(records).isNotEmpty();
            AuditRecord record = ContractJson.read(records.get(0).value(), AuditRecord.class);
            assertThat(record.v()).isEqualTo(AuditRecord.VERSION);
            assertThat(record.actor()).isEqualTo("mallory");
            assertThat(record.action()).isEqualTo("login");
            assertThat(record.at()).isEqualTo(at);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(
                TestCatalog.single("select count(*) from audit_outbox where entry_id = ?", login.id())));
    }

    @Test
    void theListFiltersByTimeActorActionAndCameraNewestFirstAndPages() {
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            insert(base.plusSeconds(i), i % 2 == 0 ? "alice" : "bob", i < 3 ? "footage.export" : "camera.update", "page-cam");
        }
        JsonPath all = entries(Map.of("camera", "page-cam"));
        assertThat(all.getList("at")).containsExactly(at(base, 4), at(base, 3), at(base, 2), at(base, 1), at(base, 0));
        assertThat(entries(Map.of("camera", "page-cam", "actor", "alice")).getList("at")).containsExactly(at(base, 4), at(base, 2), at(base, 0));
        assertThat(entries(Map.of("camera", "page-cam", "action", "camera.update")).getList("at")).containsExactly(at(base, 4), at(base, 3));
        assertThat(entries(Map.of("camera", "page-cam", "from", at(base, 1), "to", at(base, 3))).getList("at"))
                .containsExactly(at(base, 2), at(base, 1));
        assertThat(entries(Map.of("camera", "page-cam", "limit", "2")).getList("at")).containsExactly(at(base, 4), at(base, 3));
        assertThat(entries(Map.of("camera", "page-cam", "limit", "2", "to", at(base, 3))).getList("at")).containsExactly(at(base, 2), at(base, 1));
        assertThat(entries(Map.of("camera", "nobody-cam")).getList("")).isEmpty();
    }

    @Test
    void badParametersAre400NamingThem() {
        bad(Map.of("from", "yesterday"), "from");
        bad(Map.of("to", "2024-01-01 00:00"), "to");
        bad(Map.of("from", "2024-01-02T00:00:00Z", "to", "2024-01-01T00:00:00Z"), "from");
        bad(Map.of("action", "footage.steal"), "action");
        bad(Map.of("camera", "../etc"), "camera");
        bad(Map.of("actor", "x".repeat(201)), "actor");
        for (String limit : List.of("0", "1001", "-1", "ten", "1e3")) {
            bad(Map.of("limit", limit), "limit");
        }
        given().queryParam("limit", "1000").get("/api/audit").then().statusCode(200);
    }

    @Test
    void entriesCannotBeChangedOrDeletedExceptByRetention() {
        AuditEntry old = insert(Instant.parse("2020-01-01T00:00:00Z"), "eve", "camera.delete", "old-cam");
        AuditEntry recent = insert(Instant.now().minusSeconds(60), "eve", "camera.delete", "old-cam");

        assertThatThrownBy(() -> TestCatalog.update("update audit_entry set actor = 'nobody' where id = ?", old.id()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestCatalog.update("delete from audit_entry where id = ?", old.id()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestCatalog.execute("truncate audit_outbox, audit_entry"))
                .hasStackTraceContaining("append-only");

        // an entry whose Kafka copy is still queued is kept until it is sent
        await().atMost(Duration.ofSeconds(60)).until(() -> "0".equals(
                TestCatalog.single("select count(*) from audit_outbox where entry_id = ?", old.id())));
        int deleted = retention.pruneBefore(Instant.now().minus(Duration.ofDays(400))).await().atMost(Duration.ofSeconds(30));
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(TestCatalog.single("select count(*) from audit_entry where id = ?", old.id())).isEqualTo("0");
        assertThat(TestCatalog.single("select count(*) from audit_entry where id = ?", recent.id())).isEqualTo("1");
    }

    private AuditEntry insert(Instant at, String actor, String action, String camera) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), at, actor, action, "succeeded", 200, camera, null, null, null,
                null, "127.0.0.1", null, null, null, null);
        log.write(entry).await().atMost(Duration.ofSeconds(30));
        return entry;
    }

    private static String at(Instant base, int seconds) {
        return base.plusSeconds(seconds).toString();
    }

    private static JsonPath entries(Map<String, String> query) {
        return given().queryParams(query).get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private static void bad(Map<String, String> query, String field) {
        given().queryParams(query).get("/api/audit").then().statusCode(400)
                .contentType("application/problem+json").body("field", is(field)).body("detail", containsString(field));
    }
}
