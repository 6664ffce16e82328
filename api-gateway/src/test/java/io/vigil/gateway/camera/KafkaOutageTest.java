package io.vigil.gateway.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.devstack.KafkaBroker;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * While Kafka does not acknowledge, no camera change and no manual recording start or stop is kept:
 * the tables never run ahead of the topics.
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(DedicatedKafka.class)
@WithTestResource(PostgresResource.class)
class KafkaOutageTest {

    @Inject
    MeterRegistry meters;

    KafkaBroker broker;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "vigil.recordings.root")
    java.nio.file.Path root;

    @Test
    void changesAreRolledBackWhileKafkaIsDown() {
        long revision = create("outage-kept").statusCode(201).extract().jsonPath().getLong("revision");
        create("outage-rec").statusCode(201);
        String running = given().post("/api/cameras/outage-rec/recording").then().statusCode(201)
                .extract().jsonPath().getString("eventId");

        broker.stop();
        try {
            given().post("/api/cameras/outage-kept/recording").then().statusCode(503)
                    .contentType("application/problem+json").body("status", is(503));
            assertThat(TestCatalog.single("select event_id from manual_recording where camera_id = 'outage-kept'"))
                    .as("no row for a start Kafka did not take").isNull();
            given().delete("/api/cameras/outage-rec/recording").then().statusCode(503);
            assertThat(TestCatalog.single("select stopped_at from manual_recording where camera_id = 'outage-rec'"))
                    .as("a stop Kafka did not take leaves the recording running").isNull();

            create("outage-new").statusCode(503).contentType("application/problem+json").body("status", is(503));
            given().get("/api/cameras/outage-new").then().statusCode(404);

            given().contentType(ContentType.JSON).body(Map.of("url", "rtsp://cam.local/changed", "mode", "off"))
                    .put("/api/cameras/outage-kept").then().statusCode(503);
            given().delete("/api/cameras/outage-kept").then().statusCode(503);
            given().get("/api/cameras/outage-kept").then().statusCode(200)
                    .body("mode", is("continuous")).body("revision", is(revision)).body("url", is("rtsp://cam.local/outage-kept"));
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> create("outage-new").statusCode(201));
        List<ConsumerRecord<String, byte[]>> kept = TestKafka.records(broker.bootstrapServers(), Topics.CAMERA_CONFIG, "outage-kept");
        assertThat(kept).as("nothing of the refused changes reached the topic").hasSize(1);
        assertThat(ContractJson.read(kept.get(0).value(), CameraConfig.class).revision()).isEqualTo(revision);

        assertThat(TestKafka.records(broker.bootstrapServers(), Topics.CAMERA_COMMANDS, "outage-kept"))
                .as("the refused start never reached the topic").isEmpty();
        given().post("/api/cameras/outage-rec/recording").then().statusCode(409)
                .body("code", is(-1006)).body("eventId", is(running));
        given().delete("/api/cameras/outage-rec/recording").then().statusCode(204);
        List<ConsumerRecord<String, byte[]>> commands = TestKafka.records(broker.bootstrapServers(), Topics.CAMERA_COMMANDS, "outage-rec");
        assertThat(commands).extracting(r -> ContractJson.read(r.value(), CameraCommand.class).action())
                .containsExactly(CameraCommand.Action.START, CameraCommand.Action.STOP);
    }

    @Test
    void auditEntriesWaitInTheOutboxWhileKafkaIsDownAndArePublishedOnceItIsBack() throws Exception {
        java.nio.file.Path file = root.resolve("outage-audit/2025-04-01/a.mp4");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[100]);
        long id = TestCatalog.insertRecording("outage-audit", "outage-audit/2025-04-01/a.mp4",
                java.time.Instant.parse("2025-04-01T10:00:00Z"), java.time.Instant.parse("2025-04-01T10:15:00Z"), 100);

        broker.stop();
        String entry;
        try {
            // the catalog is the record: footage is served and changes are made while only the Kafka copy waits
            given().get("/api/recordings/" + id + "/media").then().statusCode(200);
            given().put("/api/recordings/" + id + "/lock").then().statusCode(200);
            entry = TestCatalog.single("select id from audit_entry where recording_id = ? and action = 'recording.lock'", id);
            assertThat(entry).isNotNull();
            assertThat(TestCatalog.single("select count(*) from audit_entry e join audit_outbox o on o.entry_id = e.id"
                    + " where e.recording_id = ?", id)).as("both entries wait in the outbox").isEqualTo("2");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outboxGauge()).isGreaterThanOrEqualTo(2));
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(TestCatalog.single(
                "select count(*) from audit_entry e join audit_outbox o on o.entry_id = e.id where e.recording_id = ?", id))
                .isEqualTo("0"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxGauge()).isZero());
        List<ConsumerRecord<String, byte[]>> copies = TestKafka.records(broker.bootstrapServers(), Topics.AUDIT, entry);
        assertThat(copies).isNotEmpty();
        io.vigil.contracts.AuditRecord copy = ContractJson.read(copies.get(0).value(), io.vigil.contracts.AuditRecord.class);
        assertThat(copy.action()).isEqualTo("recording.lock");
        assertThat(copy.recordingId()).isEqualTo(id);
        assertThat(copy.cameraId()).isEqualTo("outage-audit");
    }

    private double outboxGauge() {
        return meters.get("vigil.gateway.audit.outbox.entries").gauge().value();
    }

    private static io.restassured.response.ValidatableResponse create(String id) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id, "url", "rtsp://cam.local/" + id))
                .post("/api/cameras").then();
    }
}
