package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigil.devstack.LocalStack;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The spine, end to end: a camera registered through the API is streamed by ingest, written by the
 * recorder, catalogued by the indexer and served by the gateway — the four packaged services on a real
 * Kafka broker, a real PostgreSQL and a real RTSP camera.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineTest {

    private static final String PASSWORD = "door-s3cret-7731";
    private static final int ROTATION_SECONDS = 10;

    private LocalStack stack;
    /** Imports (issue 8) on this stack rather than a stack of their own: see {@link ImportChecks}. */
    private ImportChecks imports;

    @BeforeAll
    void startStack() throws IOException {
        // under target/, so the logs of a failed run stay for reading
        Path work = Files.createDirectories(Path.of("target")).resolve("stack-spine-" + System.currentTimeMillis());
        LocalStack.Builder builder = LocalStack.builder().workDir(work)
                .camera(TestCamera.withPassword("door", Scene.MOVING, "vigil", PASSWORD))
                // the recordings live on the build machine's disk, which other work fills: storage protection
                // is StorageProtectionTest's subject (on a tmpfs of its own), not this test's
                .environment("VIGIL_STORAGE_WARN_PERCENT", "98")
                .environment("VIGIL_STORAGE_BLOCK_PERCENT", "99");
        ImportChecks.ENVIRONMENT.forEach(builder::environment);
        stack = builder.start();
        GatewayAuth.configure(stack);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    void stopStack() {
        if (imports != null) {
            imports.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aRegisteredCameraIsRecordedInRotatedFilesThatPlay(@TempDir Path downloads) throws IOException {
        String cameraUrl = stack.cameras().orElseThrow().url("door");
        assertThat(cameraUrl).contains(PASSWORD);

        given().contentType(ContentType.JSON)
                .body(Map.of("id", "door", "name", "Front door", "url", cameraUrl,
                        "mode", "continuous", "rotationSeconds", ROTATION_SECONDS))
                .when().post("/api/cameras")
                .then().statusCode(201)
                .body(not(containsString(PASSWORD)))
                .body("id", equalTo("door"));

        List<JsonNode> recordings = await("two closed recordings of door")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> recordings("door"), list -> list.size() >= 2);

        JsonNode first = recordings.get(0);
        assertThat(first.path("cameraId").asText()).isEqualTo("door");
        assertThat(first.path("codec").asText()).isEqualTo("h264");
        assertThat(first.path("width").asInt()).isEqualTo(1280);
        assertThat(first.path("height").asInt()).isEqualTo(720);
        assertThat(first.path("reason").asText()).isEqualTo("continuous");

        // the file itself, judged by ffprobe rather than by our own catalog
        byte[] media = given().when().get("/api/recordings/{id}/media", first.path("id").asLong())
                .then().statusCode(200).header("Accept-Ranges", "bytes").extract().asByteArray();
        assertThat((long) media.length).isEqualTo(first.path("bytes").asLong());
        Path file = Files.write(downloads.resolve("first.mp4"), media);
        JsonNode probe = Ffprobe.probe(file);
        JsonNode video = probe.path("streams").path(0);
        assertThat(video.path("codec_name").asText()).isEqualTo("h264");
        assertThat(video.path("width").asInt()).isEqualTo(1280);
        assertThat(video.path("height").asInt()).isEqualTo(720);
        // a file from the middle of a session starts at a non-zero media time: its span is duration - start
        double span = probe.path("format").path("duration").asDouble() - probe.path("format").path("start_time").asDouble();
        assertThat(span).as("file span in seconds").isCloseTo(ROTATION_SECONDS, within(1.05));
        assertThat(Ffprobe.firstVideoPacketFlags(file)).as("first packet flags").startsWith("K");
        assertThat(Ffprobe.decodeErrors(file)).as("decoding errors").isEmpty();

        // byte ranges
        byte[] range = given().header("Range", "bytes=100-199")
                .when().get("/api/recordings/{id}/media", first.path("id").asLong())
                .then().statusCode(206)
                .header("Content-Range", "bytes 100-199/" + media.length)
                .header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(media, 100, 200));
        given().header("Range", "bytes=" + media.length + "-")
                .when().get("/api/recordings/{id}/media", first.path("id").asLong())
                .then().statusCode(416).header("Content-Range", "bytes */" + media.length);
    }

    @Test
    @Order(2)
    void theCatalogHasEveryPieceOfTheSessionInSequence() {
        List<JsonNode> recordings = recordings("door");
        assertThat(recordings).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode recording : recordings) {
            long firstSeq = recording.path("firstSequence").asLong();
            long lastSeq = recording.path("lastSequence").asLong();
            assertThat(recording.path("pieceCount").asLong()).as("pieces of %s", recording)
                    .isEqualTo(lastSeq - firstSeq + 1);
        }
        for (int i = 1; i < recordings.size(); i++) {
            JsonNode previous = recordings.get(i - 1);
            JsonNode next = recordings.get(i);
            if (previous.path("sessionId").equals(next.path("sessionId"))) {
                assertThat(next.path("firstSequence").asLong()).as("sequence after %s", previous)
                        .isEqualTo(previous.path("lastSequence").asLong() + 1);
                assertThat(Instant.parse(next.path("start").asText()))
                        .as("a file starts where the previous one ended")
                        .isEqualTo(Instant.parse(previous.path("end").asText()));
            }
        }
    }

    @Test
    @Order(3)
    void theCameraShowsLiveStatusWithoutItsPassword() {
        Response response = given().when().get("/api/cameras/door");
        response.then().statusCode(200)
                .body(not(containsString(PASSWORD)))
                .body("status.online", equalTo(true))
                .body("status.connection", equalTo("streaming"))
                // mode continuous: every piece is recorded while the camera streams
                .body("status.state", equalTo("recording"))
                .body("status.recording", equalTo(true));
        given().when().get("/api/cameras").then().statusCode(200).body(not(containsString(PASSWORD)));
    }

    @Test
    @Order(4)
    void badInputGetsClearErrors() {
        given().when().get("/api/cameras/no-such-camera").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/recordings/987654321").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("id", "Bad_Id!", "url", "rtsp://127.0.0.1/x"))
                .when().post("/api/cameras")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("id"));
        given().contentType(ContentType.JSON).body(Map.of("id", "ftp-cam", "url", "ftp://127.0.0.1/x"))
                .when().post("/api/cameras")
                .then().statusCode(400).body("field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("id", "rot-cam", "url", "rtsp://127.0.0.1/x", "rotationSeconds", 5))
                .when().post("/api/cameras")
                .then().statusCode(400).body("field", equalTo("rotationSeconds"));
        given().queryParam("from", "yesterday").when().get("/api/cameras/door/recordings")
                .then().statusCode(400).body("field", equalTo("from"));
        given().queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/api/cameras/door/recordings").then().statusCode(400);
    }

    @Test
    @Order(5)
    void aCameraWhoseServerIsDownIsOfflineAndRetried() throws IOException {
        String url = "rtsp://ghost:pw-never-shown@127.0.0.1:" + freePort() + "/ghost";
        given().contentType(ContentType.JSON).body(Map.of("id", "ghost", "url", url))
                .when().post("/api/cameras").then().statusCode(201);

        JsonNode status = await("ghost offline and retried").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> camera("ghost").path("status"),
                        s -> s.path("connection").asText().equals("offline") && s.path("reconnects").asLong() >= 2);
        assertThat(status.path("online").asBoolean()).isFalse();
        assertThat(status.path("recording").asBoolean()).isFalse();
        assertThat(status.path("errorCode").asText()).isEqualTo("refused");
        assertThat(status.toString()).doesNotContain("pw-never-shown");
        // the other camera is unharmed
        assertThat(camera("door").path("status").path("online").asBoolean()).isTrue();
    }

    /**
     * Every log of the run, the services', Kafka's, PostgreSQL's and the cameras', is free of the secrets it
     * handled. Add a secret the run uses to {@link #secrets()} (API keys, user passwords) and it is searched for too.
     */
    @Test
    @Order(6)
    void noLogOfTheRunHoldsASecret() {
        SecretScan.Result result = SecretScan.scan(stack.workDir(), secrets());

        List<String> searched = result.logs().stream().map(log -> stack.workDir().relativize(log).toString()).toList();
        assertThat(searched).as("the logs searched")
                .contains(Path.of("services", "api-gateway.log").toString(), Path.of("services", "ingest-service.log").toString(),
                        Path.of("services", "recorder-service.log").toString(), Path.of("services", "indexer-service.log").toString(),
                        Path.of("kafka", "server.log").toString(), Path.of("postgres", "postgres.log").toString(),
                        Path.of("cameras", "cameras.log").toString());
        assertThat(result.findings()).as("secrets in the logs (file:line: which secret)").isEmpty();
    }

    /** The secrets this run handled: the door camera's password, the ghost camera's. */
    private List<String> secrets() {
        return List.of(PASSWORD, "pw-never-shown", stack.adminPassword(), stack.adminApiKey());
    }

    @Test
    @Order(7)
    void vodHlsInTsAndFmp4AndAnMp4ImportedAreCataloguedAtTheirStartAndPlayAsCopied(@TempDir Path downloads) throws IOException {
        imports().vodHlsInTsAndFmp4AndAnMp4AreCataloguedAtTheirStartAndPlayAsCopied(downloads);
    }

    @Test
    @Order(8)
    void importsDatedInThePastOutliveTheRetentionPassesAfterThem(@TempDir Path downloads) throws IOException {
        imports().importsDatedInThePastOutliveTheRetentionPassesAfterThem(downloads);
    }

    @Test
    @Order(9)
    void aRunningImportShowsItsProgressAndACancelKeepsWhatItCopied(@TempDir Path downloads) throws IOException {
        imports().aRunningImportShowsItsProgressAndACancelKeepsWhatItCopied(downloads);
    }

    /** Last: it kills the stack's ingest instance. */
    @Test
    @Order(10)
    void anImportWhoseIngestInstanceIsKilledIsShownLostNotRunningForever() throws IOException {
        imports().anImportWhoseIngestInstanceIsKilledIsShownLostNotRunningForever();
    }

    private ImportChecks imports() throws IOException {
        if (imports == null) {
            imports = new ImportChecks(stack);
        }
        return imports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode camera(String id) {
        return given().when().get("/api/cameras/{id}", id).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static List<JsonNode> recordings(String camera) {
        Instant now = Instant.now();
        JsonNode array = given().queryParam("from", now.minus(Duration.ofHours(1)).toString())
                .queryParam("to", now.plus(Duration.ofMinutes(5)).toString())
                .when().get("/api/cameras/{id}/recordings", camera)
                .then().statusCode(200).extract().as(JsonNode.class);
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        list.sort(Comparator.comparing(r -> Instant.parse(r.path("start").asText())));
        return list;
    }
}
