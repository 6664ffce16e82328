package io.vigil.gateway.imports;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Imports through the API: a request becomes a row and a command on vigil.imports (secrets only on
 * Kafka), progress read from vigil.import-status as ingest publishes it, and cancel; camera sources
 * with headers and variants.
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ImportResourceTest {

    private static final String TOKEN = "Bearer never-shown-7f3a";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void badRequestsAreRefusedByField() {
        int published = TestKafka.records(kafka, Topics.IMPORTS).size();
        refused(null, "body");
        refused("{\"url\":\"rtsp://cam.local/stream\"}", "url");
        refused("{\"url\":\"https://media.local/page.html\"}", "url");
        refused("{\"url\":\"ftp://media.local/a.mp4\"}", "url");
        refused("{\"url\":\"https://media.local/a.mp4\",\"cameraId\":\"Lobby Cam\"}", "cameraId");
        refused("{\"url\":\"https://media.local/a.mp4\",\"start\":\"yesterday\"}", "start");
        refused("{\"url\":\"https://media.local/a.mp4\",\"headers\":{\"Host\":\"x\"}}", "headers");
        refused("{\"url\":\"https://media.local/a.mp4\",\"headers\":{\"bad name\":\"x\"}}", "headers");
        refused("{\"url\":\"https://media.local/a.mp4\",\"headers\":{\"X-A\":\"one\\r\\nX-B: two\"}}", "headers");
        assertThat(TestKafka.records(kafka, Topics.IMPORTS)).as("nothing refused reaches Kafka").hasSize(published);
    }

    @Test
    void anImportIsRequestedThroughKafkaAndShowsTheProgressIngestReports() {
        ExtractableResponse<Response> accepted = given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://viewer:pa55@media.local/2025/lobby.m3u8?token=abc\",\"start\":\"2025-06-01T08:00:00Z\","
                        + "\"headers\":{\"Authorization\":\"" + TOKEN + "\"}}")
                .post("/api/imports").then().statusCode(202)
                .body("state", is("queued"))
                .body("kind", is("hls"))
                .body("headers.Authorization", is("set"))
                .body("start", is("2025-06-01T08:00:00Z"))
                .extract();
        String id = accepted.jsonPath().getString("id");
        assertThat(accepted.header("Location")).endsWith("/api/imports/" + id);
        assertThat(accepted.asString()).doesNotContain(TOKEN).doesNotContain("pa55").doesNotContain("token=abc");
        String cameraId = accepted.jsonPath().getString("cameraId");
        assertThat(cameraId).isEqualTo("import-" + id.substring(0, 8));

        ImportCommand command = command(id, 0);
        assertThat(command.action()).isEqualTo(ImportCommand.Action.START);
        assertThat(command.url()).isEqualTo("https://viewer:pa55@media.local/2025/lobby.m3u8?token=abc");
        assertThat(command.headers()).isEqualTo(Map.of("Authorization", TOKEN));
        assertThat(command.cameraId()).isEqualTo(cameraId);
        assertThat(command.start()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
        String stored = TestCatalog.single("select url || ' ' || coalesce(header_names, '') from import_job where id = ?::uuid", id);
        assertThat(stored).doesNotContain("pa55").doesNotContain(TOKEN).contains("Authorization");

        Instant mediaStart = Instant.parse("2025-06-01T08:00:00Z");
        report(status(id, cameraId, ImportStatus.Event.PROGRESS, 40.0, null, null, mediaStart, mediaStart.plusSeconds(24)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + id).then().statusCode(200)
                .body("state", is("running"))
                .body("percent", is(40.0f))
                .body("etaSeconds", is(9.0f))
                .body("bytes", is(1_200_000))
                .body("bytesPerSecond", is(300_000.0f)));

        report(status(id, cameraId, ImportStatus.Event.STOPPED, 100.0, "complete", null, mediaStart, mediaStart.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + id).then().statusCode(200)
                .body("state", is("complete"))
                .body("reason", is("complete"))
                .body("error", nullValue())
                .body("playback", is("/api/cameras/" + cameraId + "/playback.m3u8?from=2025-06-01T08:00:00Z&to=2025-06-01T08:01:00Z")));
        given().delete("/api/imports/" + id).then().statusCode(409).contentType("application/problem+json");
        given().get("/api/imports").then().statusCode(200).body("find { it.id == '" + id + "' }.state", is("complete"));
    }

    @Test
    void aCancelIsSentToTheIngestInstanceRunningTheImport() {
        String id = given().contentType(ContentType.JSON).body("{\"url\":\"http://media.local/long.mp4\",\"cameraId\":\"lobby\"}")
                .post("/api/imports").then().statusCode(202).body("kind", is("mp4")).extract().jsonPath().getString("id");
        report(status(id, "lobby", ImportStatus.Event.STARTED, null, null, null, null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/imports/" + id).then().body("state", is("running")));

        given().delete("/api/imports/" + id).then().statusCode(202).body("state", is("cancelling"));
        ImportCommand cancel = command(id, 1);
        assertThat(cancel.action()).isEqualTo(ImportCommand.Action.CANCEL);
        assertThat(cancel.url()).isNull();

        report(status(id, "lobby", ImportStatus.Event.STOPPED, 12.5, "user", null, null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + id).then()
                .body("state", is("cancelled")).body("reason", is("user")));
        // a stopped import is not set running again by a late progress record
        report(status(id, "lobby", ImportStatus.Event.PROGRESS, 12.0, null, null, null, null));
        given().get("/api/imports/" + id).then().body("state", is("cancelled"));

        report(status("5d1f8a0e-0000-4000-8000-000000000000", "x", ImportStatus.Event.STOPPED, null, "error", "forbidden", null, null));
        given().get("/api/imports/5d1f8a0e-0000-4000-8000-000000000000").then().statusCode(404);
        given().get("/api/imports/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/imports/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aRunningImportWhoseInstanceStoppedReportingIsAnErrorNotRunningForever() {
        String id = given().contentType(ContentType.JSON).body("{\"url\":\"http://media.local/lost.mp4\",\"cameraId\":\"dock\"}")
                .post("/api/imports").then().statusCode(202).extract().jsonPath().getString("id");
        Instant mediaStart = Instant.parse("2025-06-01T08:00:00Z");
        // the last progress a killed instance sent, 31 s ago (lost after 30 s)
        ImportStatus last = status(id, "dock", ImportStatus.Event.PROGRESS, 25.0, null, null, mediaStart, mediaStart.plusSeconds(15));
        Instant silentSince = Instant.now().minusSeconds(31);
        report(new ImportStatus(last.v(), id, "dock", last.event(), last.kind(), last.percent(), last.bytes(),
                last.bytesPerSecond(), last.etaSeconds(), last.mediaSeconds(), last.durationSeconds(), 0, mediaStart,
                mediaStart.plusSeconds(15), null, null, null, "ingest-killed", silentSince.minusSeconds(10), silentSince));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + id).then().statusCode(200)
                .body("state", is("error"))
                .body("reason", is("error"))
                .body("error", is("failure"))
                .body("message", org.hamcrest.Matchers.startsWith("ingest instance lost: ingest-killed has not reported since"))
                .body("percent", is(25.0f))
                .body("etaSeconds", nullValue())
                .body("playback", is("/api/cameras/dock/playback.m3u8?from=2025-06-01T08:00:00Z&to=2025-06-01T08:00:15Z")));
        given().delete("/api/imports/" + id).then().statusCode(409).contentType("application/problem+json");

        // a renewed status is running again (a slow source, not a lost instance)
        report(status(id, "dock", ImportStatus.Event.PROGRESS, 26.0, null, null, mediaStart, mediaStart.plusSeconds(16)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/imports/" + id).then()
                .body("state", is("running")).body("error", nullValue()));
    }

    @Test
    void aMalformedImportStatusGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String id = given().contentType(ContentType.JSON).body("{\"url\":\"http://media.local/next.mp4\",\"cameraId\":\"yard\"}")
                .post("/api/imports").then().statusCode(202).extract().jsonPath().getString("id");
        TestKafka.send(kafka, Topics.IMPORT_STATUS, id, "{broken".getBytes(StandardCharsets.UTF_8));
        report(status(id, "yard", ImportStatus.Event.STARTED, null, null, null, null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/imports/" + id).then().body("state", is("running")));
        DeadLetterTopic.Letter letter = DeadLetterTopic.await(kafka, found -> Topics.IMPORT_STATUS.equals(found.topic())
                && id.equals(found.key()), Duration.ofSeconds(30));
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
        assertThat(letter.consumer()).isEqualTo("vigil-gateway");
    }

    @Test
    void aCameraTakesHlsAndMp4UrlsWithHeadersShownOnlyAsSet() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"hls-cam\",\"url\":\"https://media.local/live/index.m3u8\",\"variant\":\"1280x720\","
                        + "\"headers\":{\"Authorization\":\"" + TOKEN + "\",\"User-Agent\":\"Vigil\"}}")
                .post("/api/cameras").then().statusCode(201)
                .body("headers.Authorization", is("set"))
                .body("headers.User-Agent", is("set"))
                .body("variant", is("1280x720"));
        String shown = given().get("/api/cameras/hls-cam").then().statusCode(200).extract().asString();
        assertThat(shown).doesNotContain(TOKEN);
        List<ConsumerRecord<String, byte[]>> configs = TestKafka.records(kafka, Topics.CAMERA_CONFIG, "hls-cam");
        CameraConfig config = ContractJson.read(configs.get(configs.size() - 1).value(), CameraConfig.class);
        assertThat(config.headers()).containsEntry("Authorization", TOKEN);
        assertThat(config.variant()).isEqualTo("1280x720");
        assertThat(config.v()).isEqualTo(3);

        given().contentType(ContentType.JSON).body("{\"id\":\"mp4-cam\",\"url\":\"http://cam.local/stream.mp4\"}")
                .post("/api/cameras").then().statusCode(201).body("headers.size()", is(0));
        given().contentType(ContentType.JSON).body("{\"id\":\"web-cam\",\"url\":\"http://cam.local/index.html\"}")
                .post("/api/cameras").then().statusCode(400).body("field", is("url"));
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"rtsp-h\",\"url\":\"rtsp://cam.local/s\",\"headers\":{\"Cookie\":\"a=b\"}}")
                .post("/api/cameras").then().statusCode(400).body("field", is("headers"));
        given().delete("/api/cameras/hls-cam").then().statusCode(204);
        given().delete("/api/cameras/mp4-cam").then().statusCode(204);
    }

    private void refused(String body, String field) {
        var request = given().contentType(ContentType.JSON);
        (body == null ? request : request.body(body)).post("/api/imports").then().statusCode(400)
                .contentType("application/problem+json").body("field", is(field));
    }

    private ImportCommand command(String id, int index) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.records(kafka, Topics.IMPORTS, id), found -> found.size() > index);
        return ContractJson.read(records.get(index).value(), ImportCommand.class);
    }

    private void report(ImportStatus status) {
        TestKafka.send(kafka, Topics.IMPORT_STATUS, status.importId(), ContractJson.write(status));
    }

    private static ImportStatus status(String id, String cameraId, ImportStatus.Event event, Double percent, String reason,
                                       String error, Instant mediaStart, Instant mediaEnd) {
        boolean stopped = event == ImportStatus.Event.STOPPED;
        return new ImportStatus(ImportStatus.VERSION, id, cameraId, event, "hls", percent, 1_200_000, 300_000,
                stopped ? Double.valueOf(0.0) : percent == null ? null : Double.valueOf(9.0),
                percent == null ? 0.0 : 0.6 * percent, 60.0, 0, mediaStart,
                mediaEnd, reason, error, null, "ingest-test", Instant.now(), Instant.now());
    }
}
