package io.vigil.gateway.event;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Events written by the indexer (inserted here as it would), listed with the recordings that show them. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventResourceTest {

    private long motionFile;
    private long manualFile;
    private long continuousGate;
    private long runningFirst;
    private long runningSecond;

    @BeforeAll
    void catalog() {
        event("ev-motion", "ev-yard", "2025-03-01T10:00:00Z", "2025-03-01T10:00:20Z", "2025-03-01T10:00:30Z", "motion", null,
                0.042, 0.1, 0.2, 0.3, 0.4);
        event("ev-manual", "ev-yard", "2025-03-01T10:05:00Z", "2025-03-01T10:06:00Z", "2025-03-01T10:06:10Z", "manual", null,
                null, null, null, null, null);
        event("ev-bell", "ev-gate", "2025-03-01T10:02:00Z", "2025-03-01T10:02:00Z", "2025-03-01T10:02:10Z", "external", "doorbell",
                null, null, null, null, null);
        event("ev-running", "ev-yard", "2025-03-01T11:00:00Z", null, null, "motion", null, 0.01, 0.5, 0.5, 0.1, 0.1);
        event("ev-night", "ev-yard", "2025-02-28T23:50:00Z", "2025-03-01T00:10:00Z", "2025-03-01T00:10:10Z", "motion", null,
                0.2, 0.0, 0.0, 1.0, 1.0);

        motionFile = recording("ev-yard", "2025-03-01T09:59:50Z", "2025-03-01T10:00:35Z");
        manualFile = recording("ev-yard", "2025-03-01T10:04:55Z", "2025-03-01T10:06:10Z");
        // starts where the manual event's recording ends: it does not show that event
        recording("ev-yard", "2025-03-01T10:06:10Z", "2025-03-01T10:07:00Z");
        continuousGate = recording("ev-gate", "2025-03-01T09:45:00Z", "2025-03-01T10:15:00Z");
        runningFirst = recording("ev-yard", "2025-03-01T10:59:55Z", "2025-03-01T11:10:00Z");
        runningSecond = recording("ev-yard", "2025-03-01T11:30:00Z", "2025-03-01T11:40:00Z");
        // another camera at the same time shows none of these events
        recording("ev-other", "2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z");
    }

    @Test
    void listsEventsOverlappingTheRangeOldestFirstWithTheirRecordings() {
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").get("/api/events").then().statusCode(200)
                .body("id", contains("ev-motion", "ev-bell", "ev-manual", "ev-running"))
                .body("[0].cameraId", is("ev-yard"))
                .body("[0].start", is("2025-03-01T10:00:00Z"))
                .body("[0].end", is("2025-03-01T10:00:20Z"))
                .body("[0].recordingEnd", is("2025-03-01T10:00:30Z"))
                .body("[0].reason", is("motion"))
                .body("[0].label", nullValue())
                .body("[0].peakScore", is(0.042f))
                .body("[0].box.x", is(0.1f))
                .body("[0].box.y", is(0.2f))
                .body("[0].box.width", is(0.3f))
                .body("[0].box.height", is(0.4f))
                .body("[0].recordings.id", contains((int) motionFile))
                .body("[0].recordings[0].start", is("2025-03-01T09:59:50Z"))
                .body("[0].recordings[0].end", is("2025-03-01T10:00:35Z"))
                .body("[0].recordings[0].mediaUrl", is("/api/recordings/" + motionFile + "/media"))
                .body("[1].label", is("doorbell"))
                .body("[1].reason", is("external"))
                .body("[1].box", nullValue())
                .body("[1].recordings.id", contains((int) continuousGate))
                .body("[2].recordings.id", contains((int) manualFile))
                .body("[2].box", nullValue())
                .body("[2].peakScore", nullValue())
                .body("[3].end", nullValue())
                .body("[3].recordingEnd", nullValue())
                .body("[3].recordings.id", contains((int) runningFirst, (int) runningSecond));
    }

    @Test
    void filtersByCameraReasonAndLimit() {
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").queryParam("camera", "ev-yard").get("/api/events").then()
                .statusCode(200).body("id", contains("ev-motion", "ev-manual", "ev-running"));
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").queryParam("reason", "manual").get("/api/events").then()
                .statusCode(200).body("id", contains("ev-manual"));
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").queryParam("camera", "ev-yard").queryParam("reason", "external")
                .get("/api/events").then().statusCode(200).body("$", empty());
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").queryParam("limit", "2").get("/api/events").then()
                .statusCode(200).body("id", contains("ev-motion", "ev-bell"));
        range("2025-03-01T09:00:00Z", "2025-03-01T12:00:00Z").queryParam("camera", "ev-nobody").get("/api/events").then()
                .statusCode(200).body("$", empty());
    }

    @Test
    void anEventOverlapsByItsWholeSpan() {
        range("2025-03-01T00:00:00Z", "2025-03-01T01:00:00Z").get("/api/events").then().statusCode(200)
                .body("id", contains("ev-night"));
        // ev-motion's recording ended at 10:00:30, ev-running starts after to
        range("2025-03-01T10:01:00Z", "2025-03-01T10:04:00Z").get("/api/events").then().statusCode(200)
                .body("id", contains("ev-bell"));
        // the post-roll counts: ev-motion ended at 10:00:20 but is recorded until 10:00:30
        range("2025-03-01T10:00:25Z", "2025-03-01T10:01:00Z").get("/api/events").then().statusCode(200)
                .body("id", contains("ev-motion"));
        // a running event reaches now
        range("2025-03-20T00:00:00Z", "2025-03-21T00:00:00Z").get("/api/events").then().statusCode(200)
                .body("id", contains("ev-running"));
    }

    @Test
    void oneEventById() {
        given().get("/api/events/ev-manual").then().statusCode(200)
                .body("id", is("ev-manual"))
                .body("reason", is("manual"))
                .body("recordings.id", contains((int) manualFile));
        given().get("/api/events/ev-missing").then().statusCode(404).contentType("application/problem+json")
                .body("detail", is("no event ev-missing"));
    }

    @Test
    void badParametersAreNamed() {
        bad(given().queryParam("camera", "Bad_Id"), "camera");
        bad(given().queryParam("from", "yesterday"), "from");
        bad(given().queryParam("to", "2025-03-01 12:00"), "to");
        bad(range("2025-03-01T12:00:00Z", "2025-03-01T09:00:00Z"), "from");
        bad(range("2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z"), "from");
        bad(given().queryParam("reason", "fire"), "reason");
        bad(given().queryParam("reason", "MOTION"), "reason");
        bad(given().queryParam("limit", "0"), "limit");
        bad(given().queryParam("limit", "5001"), "limit");
        bad(given().queryParam("limit", "many"), "limit");
        given().queryParam("limit", "5000").get("/api/events").then().statusCode(200);
    }

    private static void bad(RequestSpecification request, String field) {
        request.get("/api/events").then().statusCode(400).contentType("application/problem+json").body("field", is(field));
    }

    private static RequestSpecification range(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to);
    }

    private static void event(String id, String cameraId, String start, String end, String recordingEnd, String reason,
                              String label, Double peak, Double x, Double y, Double width, Double height) {
        TestCatalog.update("""
                insert into event (id, camera_id, start_time, end_time, recording_end, reason, label, peak_score,
                                   box_x, box_y, box_width, box_height, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""",
                id, cameraId, at(start), at(end), at(recordingEnd), reason, label, peak, x, y, width, height);
    }

    private static long recording(String cameraId, String start, String end) {
        return TestCatalog.insertRecording(cameraId, cameraId + "/" + start.replace(':', '-') + ".mp4", at(start), at(end), 100);
    }

    private static Instant at(String instant) {
        return instant == null ? null : Instant.parse(instant);
    }
}
