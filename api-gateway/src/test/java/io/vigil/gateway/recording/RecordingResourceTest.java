package io.vigil.gateway.recording;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MotionSettings;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.camera.CameraRegistry;
import io.vigil.gateway.camera.CameraSpec;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingResourceTest {

    private static final String FILE = "rec-cam/2025-01-10/rec-cam_2025-01-10_10-00-00.mp4";
    private static final int SIZE = 1000;

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @Inject
    CameraRegistry cameras;

    private final byte[] content = new byte[SIZE];
    private long first;
    private long second;
    private long third;
    private long recent;
    private long outside;
    private long missing;

    @BeforeAll
    void catalogAndVolume() throws Throwable {
        new Random(7).nextBytes(content);
        Path file = root.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.writeString(root.resolveSibling("secret.txt"), "outside the root");

        VertxContextSupport.subscribeAndAwait(() -> cameras.create(
                new CameraSpec("rec-cam", "Recorded", "rtsp://cam.local/rec", CameraMode.CONTINUOUS, 900,
                5, 10, 1800, MotionSettings.DEFAULT)));
        first = TestCatalog.insertRecording("rec-cam", FILE, at("2025-01-10T10:00:00Z"), at("2025-01-10T10:15:00Z"), SIZE);
        second = TestCatalog.insertRecording("rec-cam", "rec-cam/2025-01-10/b.mp4", at("2025-01-10T10:15:00Z"), at("2025-01-10T10:30:00Z"), 2);
        third = TestCatalog.insertRecording("rec-cam", "rec-cam/2025-01-10/c.mp4", at("2025-01-10T11:00:00Z"), at("2025-01-10T11:15:00Z"), 3);
        recent = TestCatalog.insertRecording("rec-cam", "rec-cam/now.mp4", Instant.now().minusSeconds(3600), Instant.now().minusSeconds(2700), 4);
        TestCatalog.insertRecording("rec-other", "rec-other/2025-01-10/a.mp4", at("2025-01-10T10:00:00Z"), at("2025-01-10T10:15:00Z"), 5);
        TestCatalog.insertRecording("rec-gone", "rec-gone/2025-01-10/a.mp4", at("2025-01-10T10:00:00Z"), at("2025-01-10T10:15:00Z"), 6);
        outside = TestCatalog.insertRecording("rec-cam", "../secret.txt", at("2025-01-11T10:00:00Z"), at("2025-01-11T10:15:00Z"), 16);
        missing = TestCatalog.insertRecording("rec-cam", "rec-cam/2025-01-12/gone.mp4", at("2025-01-12T10:00:00Z"), at("2025-01-12T10:15:00Z"), 7);
    }

    @Test
    void listsRecordingsOverlappingTheRangeByStart() {
        given().queryParam("from", "2025-01-10T10:20:00Z").queryParam("to", "2025-01-10T11:05:00Z")
                .get("/api/cameras/rec-cam/recordings").then().statusCode(200)
                .body("id", contains((int) second, (int) third));
        given().queryParam("from", "2025-01-10T10:15:00Z").queryParam("to", "2025-01-10T10:30:00Z")
                .get("/api/cameras/rec-cam/recordings").then().statusCode(200)
                .body("id", contains((int) second));
        given().queryParam("from", "2025-01-09T00:00:00Z").queryParam("to", "2025-01-10T10:00:00Z")
                .get("/api/cameras/rec-cam/recordings").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void describesEachRecording() {
        given().queryParam("from", "2025-01-10T09:00:00Z").queryParam("to", "2025-01-10T10:10:00Z")
                .get("/api/cameras/rec-cam/recordings").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", is((int) first))
                .body("[0].cameraId", is("rec-cam"))
                .body("[0].start", is("2025-01-10T10:00:00Z"))
                .body("[0].end", is("2025-01-10T10:15:00Z"))
                .body("[0].durationSeconds", is(900.0f))
                .body("[0].bytes", is(SIZE))
                .body("[0].codec", is("avc1.64001f"))
                .body("[0].width", is(1280))
                .body("[0].height", is(720))
                .body("[0].fps", is(25.0f))
                .body("[0].reason", is("continuous"))
                .body("[0].eventId", nullValue())
                .body("[0].sessionId", is("session-1"))
                .body("[0].firstSequence", is(0))
                .body("[0].lastSequence", is(14))
                .body("[0].pieceCount", is(15))
                .body("[0].path", nullValue());
        given().get("/api/recordings/" + first).then().statusCode(200)
                .body("id", is((int) first)).body("start", is("2025-01-10T10:00:00Z"));
    }

    @Test
    void defaultRangeIsTheLastDay() {
        given().get("/api/cameras/rec-cam/recordings").then().statusCode(200).body("id", contains((int) recent));
    }

    @Test
    void removedCamerasKeepTheirFootageListed() {
        given().queryParam("from", "2025-01-10T00:00:00Z").queryParam("to", "2025-01-11T00:00:00Z")
                .get("/api/cameras/rec-gone/recordings").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void badQueriesAreAnswered400OrNotFound() {
        badQuery("2025-01-10T11:00:00Z", "2025-01-10T10:00:00Z", "from");
        badQuery("2025-01-10T10:00:00Z", "2025-01-10T10:00:00Z", "from");
        badQuery("yesterday", "2025-01-10T10:00:00Z", "from");
        badQuery("2025-01-10T10:00:00Z", "2025-01-10 11:00", "to");
        badQuery("2024-11-01T00:00:00Z", "2025-01-10T00:00:00Z", "from");
        badQuery("+200000-01-01T00:00:00Z", "+200000-01-02T00:00:00Z", "from");
        badQuery("2025-01-10T00:00:00Z", "-1000000000-01-01T00:00:00Z", "to");
        given().get("/api/cameras/rec-nobody/recordings").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/cameras/NOT_AN_ID/recordings").then().statusCode(404);
        given().get("/api/recordings/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/recordings/abc").then().statusCode(404);
    }

    @Test
    void servesTheWholeFileWithoutRange() {
        Response response = given().get("/api/recordings/" + first + "/media");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(response.asByteArray()).isEqualTo(content);
    }

    @Test
    void servesOneRangeAsPartialContent() {
        assertPartial("bytes=100-199", 100, 199);
        assertPartial("bytes=900-", 900, 999);
        assertPartial("bytes=-500", 500, 999);
        assertPartial("bytes=-5000", 0, 999);
        assertPartial("bytes=990-2000", 990, 999);
    }

    @Test
    void unsatisfiableRangeIs416() {
        for (String range : new String[] {"bytes=999999999-", "bytes=1000-1001"}) {
            Response response = given().header("Range", range).get("/api/recordings/" + first + "/media");
            assertThat(response.statusCode()).as(range).isEqualTo(416);
            assertThat(response.header("Content-Range")).isEqualTo("bytes */" + SIZE);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void severalRangesGetTheWholeFile() {
        Response response = given().header("Range", "bytes=0-9,20-29").get("/api/recordings/" + first + "/media");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(content);
    }

    @Test
    void filesOutsideTheRootOrMissingAreNotServed() {
        given().get("/api/recordings/" + outside + "/media").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/recordings/" + missing + "/media").then().statusCode(404);
        given().get("/api/recordings/999999/media").then().statusCode(404);
    }

    private void assertPartial(String range, int from, int to) {
        Response response = given().header("Range", range).get("/api/recordings/" + first + "/media");
        assertThat(response.statusCode()).as(range).isEqualTo(206);
        assertThat(response.header("Content-Range")).as(range).isEqualTo("bytes " + from + "-" + to + "/" + SIZE);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Length")).as(range).isEqualTo(String.valueOf(to - from + 1));
        assertThat(response.asByteArray()).as(range).isEqualTo(Arrays.copyOfRange(content, from, to + 1));
    }

    private static void badQuery(String from, String to, String field) {
        given().queryParam("from", from).queryParam("to", to).get("/api/cameras/rec-cam/recordings").then()
                .statusCode(400).contentType("application/problem+json").body("field", is(field));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
