package io.vigil.gateway.manual;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Manual recordings: stored in manual_recording and published on vigil.camera-commands, or neither. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ManualRecordingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/api/cameras/man-bare/recording")
    URI bareUri;

    @Test
    void startSecondStartStopAndStopAgain() {
        createCamera("man-door", "continuous");
        ExtractableResponse<Response> started = start("man-door", null).statusCode(201)
                .contentType(ContentType.JSON)
                .body("cameraId", is("man-door"))
                .body("until", nullValue())
                .extract();
        String eventId = started.jsonPath().getString("eventId");
        Instant startedAt = Instant.parse(started.jsonPath().getString("startedAt"));
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(startedAt).isBetween(Instant.now().minusSeconds(30), Instant.now());

        CameraCommand start = latestCommand("man-door");
        assertThat(start).isEqualTo(new CameraCommand(CameraCommand.VERSION, "man-door", CameraCommand.Action.START,
                eventId, startedAt, null));
        assertThat(row("man-door", "event_id")).isEqualTo(eventId);

        int commands = commands("man-door").size();
        for (String body : new String[] {null, "{\"durationSeconds\":60}"}) {
            start("man-door", body).statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", is(409))
                    .body("code", is(-1006))
                    .body("eventId", is(eventId));
        }
        assertThat(commands("man-door")).as("a refused start publishes nothing").hasSize(commands);

        given().delete("/api/cameras/man-door/recording").then().statusCode(204);
        CameraCommand stop = latestCommand("man-door");
        assertThat(stop.action()).isEqualTo(CameraCommand.Action.STOP);
        assertThat(stop.eventId()).isEqualTo(eventId);
        assertThat(stop.issuedAt()).isAfterOrEqualTo(startedAt);
        assertThat(row("man-door", "stopped_at")).isNotNull();

        given().delete("/api/cameras/man-door/recording").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));

        // the camera's row is reused for the next one
        ExtractableResponse<Response> timed = start("man-door", "{\"durationSeconds\":30}").statusCode(201).extract();
        String next = timed.jsonPath().getString("eventId");
        assertThat(next).isNotEqualTo(eventId);
        Instant nextStart = Instant.parse(timed.jsonPath().getString("startedAt"));
        assertThat(Instant.parse(timed.jsonPath().getString("until"))).isEqualTo(nextStart.plusSeconds(30));
        assertThat(latestCommand("man-door").until()).isEqualTo(nextStart.plusSeconds(30));
        assertThat(row("man-door", "stopped_at")).isNull();
        given().delete("/api/cameras/man-door/recording").then().statusCode(204);
    }

    @Test
    void aStartWithoutBodyOrContentTypeRunsUntilStopped() throws Exception {
        createCamera("man-bare", "events");
        // as curl -X POST sends it: no body, no content type
        HttpResponse<String> bare = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(bareUri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(201);
        assertThat(bare.body()).contains("\"until\":null");
        given().delete("/api/cameras/man-bare/recording").then().statusCode(204);

        given().contentType(ContentType.TEXT).post("/api/cameras/man-bare/recording").then().statusCode(201);
        given().delete("/api/cameras/man-bare/recording").then().statusCode(204);
        given().contentType(ContentType.TEXT).body("durationSeconds=5").post("/api/cameras/man-bare/recording").then()
                .statusCode(415).contentType("application/problem+json");
        given().delete("/api/cameras/man-bare/recording").then().statusCode(404);
    }

    @Test
    void aFinishedDurationMakesRoomForTheNextStart() throws InterruptedException {
        createCamera("man-short", "events");
        String first = start("man-short", "{\"durationSeconds\":1}").statusCode(201).extract().jsonPath().getString("eventId");
        Thread.sleep(1_100);
        // its duration is over: nothing runs any more
        given().delete("/api/cameras/man-short/recording").then().statusCode(404);
        String second = start("man-short", null).statusCode(201).extract().jsonPath().getString("eventId");
        assertThat(second).isNotEqualTo(first);
        given().delete("/api/cameras/man-short/recording").then().statusCode(204);
    }

    @Test
    void durationOutOfRangeIsRefused() {
        createCamera("man-range", "continuous");
        int commands = commands("man-range").size();
        for (String body : new String[] {"{\"durationSeconds\":0}", "{\"durationSeconds\":-30}",
                "{\"durationSeconds\":86401}", "{\"durationSeconds\":\"soon\"}"}) {
            start("man-range", body).statusCode(400).contentType("application/problem+json")
                    .body("field", is("durationSeconds"));
        }
        start("man-range", "[1]").statusCode(400);
        start("man-range", "{\"durationSeconds\":").statusCode(400);
        assertThat(commands("man-range")).hasSize(commands);
        assertThat(row("man-range", "event_id")).isNull();
        start("man-range", "{\"durationSeconds\":86400}").statusCode(201);
        given().delete("/api/cameras/man-range/recording").then().statusCode(204);
    }

    @Test
    void unknownOrSwitchedOffCamerasCannotRecord() {
        start("man-nobody", null).statusCode(404).contentType("application/problem+json");
        given().delete("/api/cameras/man-nobody/recording").then().statusCode(404);
        start("NOT_AN_ID", null).statusCode(404);

        createCamera("man-off", "off");
        start("man-off", null).statusCode(409).contentType("application/problem+json")
                .body("code", nullValue()).body("eventId", nullValue());
        assertThat(commands("man-off")).isEmpty();
        given().delete("/api/cameras/man-off/recording").then().statusCode(404);
    }

    @Test
    void concurrentStartsMakeOneRecording() throws Exception {
        createCamera("man-race", "events");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExtractableResponse<Response>>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> start("man-race", null).extract());
            }
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : clients.invokeAll(starts)) {
                answers.add(answer.get());
            }
            List<ExtractableResponse<Response>> won = answers.stream().filter(a -> a.statusCode() == 201).toList();
            assertThat(won).as("exactly one start wins").hasSize(1);
            String eventId = won.get(0).jsonPath().getString("eventId");
            assertThat(answers).filteredOn(a -> a.statusCode() != 201)
                    .allSatisfy(a -> {
                        assertThat(a.statusCode()).isEqualTo(409);
                        assertThat(a.jsonPath().getInt("code")).isEqualTo(-1006);
                        assertThat(a.jsonPath().getString("eventId")).isEqualTo(eventId);
                    });
            assertThat(commands("man-race")).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void removingTheCameraRemovesItsManualRecording() {
        createCamera("man-gone", "continuous");
        String eventId = start("man-gone", null).statusCode(201).extract().jsonPath().getString("eventId");
        given().delete("/api/cameras/man-gone").then().statusCode(204);

        assertThat(row("man-gone", "event_id")).as("cascaded with the camera").isNull();
        List<ConsumerRecord<String, byte[]>> history = commands("man-gone");
        assertThat(history.get(history.size() - 1).value()).as("tombstone on the command topic").isNull();
        List<ConsumerRecord<String, byte[]>> config = TestKafka.records(kafka, Topics.CAMERA_CONFIG, "man-gone");
        assertThat(config.get(config.size() - 1).value()).as("tombstone on the config topic").isNull();

        createCamera("man-gone", "continuous");
        String fresh = start("man-gone", null).statusCode(201).extract().jsonPath().getString("eventId");
        assertThat(fresh).isNotEqualTo(eventId);
    }

    private static io.restassured.response.ValidatableResponse start(String cameraId, String body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/cameras/" + cameraId + "/recording").then();
    }

    private static void createCamera(String id, String mode) {
        given().contentType(ContentType.JSON).body(Map.of("id", id, "url", "rtsp://cam.local/" + id, "mode", mode))
                .post("/api/cameras").then().statusCode(201);
    }

    private static String row(String cameraId, String column) {
        return TestCatalog.single("select " + column + " from manual_recording where camera_id = ?", cameraId);
    }

    private List<ConsumerRecord<String, byte[]>> commands(String cameraId) {
        return TestKafka.records(kafka, Topics.CAMERA_COMMANDS, cameraId);
    }

    private CameraCommand latestCommand(String cameraId) {
        List<ConsumerRecord<String, byte[]>> history = commands(cameraId);
        assertThat(history).as("commands of " + cameraId).isNotEmpty();
        return ContractJson.read(history.get(history.size() - 1).value(), CameraCommand.class);
    }
}
