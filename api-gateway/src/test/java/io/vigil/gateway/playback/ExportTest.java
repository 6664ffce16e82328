package io.vigil.gateway.playback;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vigil.contracts.AuditRecord;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.fmp4.FragmentIndexReader;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Exports and footage views through the audit log, on a real recording: the hash in the headers is
 * the hash of the body received, the manifest says what was exported, a playlist and the byte ranges
 * a player fetches make one entry each per view, and footage is refused while its entry cannot be written.
 */
@QuarkusTest
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

    private static final String CAMERA = "export-cam";
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final String FROM = "2026-04-01T08:00:01Z";
    private static final String TO = "2026-04-01T08:00:04Z";

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;
    @ConfigProperty(name = "vigil.exports.dir")
    Path exports;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private long recording;
    /** Only the refusal test asks for this one: no earlier view covers it. */
    private long unviewed;

    @BeforeAll
    void recordAndCatalog() throws IOException {
        Path file = root.resolve(CAMERA + "/2026-04-01/a.mp4");
        Files.createDirectories(file.getParent());
        Ffmpeg.record(file, 6, "320x240");
        recording = catalog(file, T0);
        unviewed = catalog(Files.copy(file, file.resolveSibling("b.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING),
                T0.plusSeconds(3600));
    }

    private long catalog(Path file, Instant start) throws IOException {
        FragmentIndex index = FragmentIndexReader.read(file);
        return Long.parseLong(TestCatalog.single("""
                insert into recording (camera_id, path, start_time, end_time, duration_ms, bytes, codec, width, height,
                                       fps, session_id, fragment_index, indexed_at)
                values (?, ?, ?, ?, ?, ?, 'h264', 320, 240, 25.0, 's1', ?, now())
                returning id""",
                CAMERA, root.relativize(file).toString(), start, start.plus(index.durationMicros(), ChronoUnit.MICROS),
                index.durationMicros() / 1000, Files.size(file), index.encode()));
    }

    @Test
    void anExportCarriesTheHashOfItsBodyAndHasAManifest() {
        Response response = given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/clip.mp4");
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.asByteArray();
        byte[] sha256 = sha256(body);

        assertThat(response.header("X-Vigil-Export-SHA256")).isEqualTo(HexFormat.of().formatHex(sha256));
        assertThat(response.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(body.length));
        String exportId = response.header("X-Vigil-Export-Id");
        assertThat(UUID.fromString(exportId).toString()).isEqualTo(exportId);
        assertThat(leftOverExports()).as("the export's file goes once it is sent").isEmpty();

        JsonPath manifest = given().get("/api/exports/" + exportId + "/manifest").then().statusCode(200).extract().jsonPath();
        assertThat(manifest.getString("exportId")).isEqualTo(exportId);
        assertThat(manifest.getString("cameraId")).isEqualTo(CAMERA);
        assertThat(manifest.getString("from")).isEqualTo(FROM);
        assertThat(manifest.getString("to")).isEqualTo(TO);
        assertThat(manifest.getLong("bytes")).isEqualTo(body.length);
        assertThat(manifest.getString("sha256")).isEqualTo(HexFormat.of().formatHex(sha256));
        assertThat(manifest.getString("exportedBy")).isEqualTo("tester");
        assertThat(Instant.parse(manifest.getString("exportedAt"))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));

        // a second download of the same span is another export: its own id, the same bytes and hash
        Response again = given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/clip.mp4");
        assertThat(again.header("X-Vigil-Export-Id")).isNotEqualTo(exportId);
        assertThat(again.header("X-Vigil-Export-SHA256")).isEqualTo(response.header("X-Vigil-Export-SHA256"));

        JsonPath entry = given().queryParam("action", "footage.export").queryParam("camera", CAMERA).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = entry.getList("exportId");
        assertThat(ids).contains(exportId, again.header("X-Vigil-Export-Id"));
        // the Kafka copy of the entry, with the hash
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<AuditRecord> records = TestKafka.records(kafka, Topics.AUDIT).stream()
                    .map(r -> ContractJson.read(r.value(), AuditRecord.class))
                    .filter(r -> exportId.equals(r.exportId())).toList();
            assertThat(records).isNotEmpty();
            assertThat(records.get(0).sha256()).isEqualTo(HexFormat.of().formatHex(sha256));
            assertThat(records.get(0).bytes()).isEqualTo(body.length);
            assertThat(records.get(0).cameraId()).isEqualTo(CAMERA);
        });
    }

    @Test
    void unknownExportsHaveNoManifest() {
        given().get("/api/exports/" + UUID.randomUUID() + "/manifest").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/exports/not-an-id/manifest").then().statusCode(404);
    }

    @Test
    void aPlaylistIsOneViewAndAPlayersByteRangesOfAFileAnother() {
        Instant before = Instant.now();
        given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/playback.m3u8").then().statusCode(200);
        String media = "/api/recordings/" + recording + "/media.mp4";
        for (String range : List.of("bytes=0-799", "bytes=800-5000", "bytes=5001-20000", "bytes=20001-")) {
            given().header("Range", range).get(media).then().statusCode(206);
        }
        given().get(media).then().statusCode(200);

        JsonPath playlist = audit("footage.playlist", before);
        assertThat(playlist.getList("")).hasSize(1);
        assertThat(playlist.getString("[0].cameraId")).isEqualTo(CAMERA);
        assertThat(playlist.getString("[0].from")).isEqualTo(FROM);
        assertThat(playlist.getString("[0].to")).isEqualTo(TO);
        assertThat(playlist.getString("[0].outcome")).isEqualTo("succeeded");
        JsonPath views = audit("footage.media", before);
        assertThat(views.getList("")).as("five requests of one file by one client are one view").hasSize(1);
        assertThat(views.getLong("[0].recordingId")).isEqualTo(recording);
        assertThat(views.getString("[0].cameraId")).as("the recording's camera").isEqualTo(CAMERA);
        assertThat(views.getInt("[0].status")).isEqualTo(206);
        assertThat(views.getString("[0].clientAddress")).isEqualTo("127.0.0.1");
    }

    @Test
    void footageIsNotServedWhileItsViewCannotBeAudited() {
        TestCatalog.execute("""
                create or replace function audit_test_refuse() returns trigger language plpgsql as $$
                begin raise exception 'the audit log is unwritable (test)'; end $$""");
        TestCatalog.execute("create trigger audit_test_refuse before insert on audit_entry for each row execute function audit_test_refuse()");
        try {
            Response clip = given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/clip.mp4");
            assertThat(clip.statusCode()).isEqualTo(503);
            assertThat(clip.contentType()).isEqualTo("application/problem+json");
            assertThat(clip.header("X-Vigil-Export-Id")).isNull();
            assertThat(clip.header("X-Vigil-Export-SHA256")).isNull();
            assertThat(clip.header("ETag")).isNull();
            assertThat(leftOverExports()).as("the unsent export is discarded").isEmpty();
            given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/playback.m3u8")
                    .then().statusCode(503).body("status", is(503));
            given().header("Range", "bytes=0-99").get("/api/recordings/" + unviewed + "/media").then().statusCode(503)
                    .header("Content-Range", org.hamcrest.Matchers.nullValue());
        } finally {
            TestCatalog.execute("drop trigger audit_test_refuse on audit_entry");
        }
        given().queryParam("from", FROM).queryParam("to", TO).get("/api/cameras/" + CAMERA + "/clip.mp4").then().statusCode(200);
        given().header("Range", "bytes=0-99").get("/api/recordings/" + unviewed + "/media").then().statusCode(206);
    }

    private static JsonPath audit(String action, Instant since) {
        return given().queryParam("action", action).queryParam("camera", CAMERA).queryParam("from", since.toString())
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private List<Path> leftOverExports() {
        if (!Files.isDirectory(exports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(exports)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
