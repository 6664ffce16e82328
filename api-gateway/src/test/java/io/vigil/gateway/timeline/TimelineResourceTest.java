package io.vigil.gateway.timeline;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MotionSettings;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.camera.CameraRegistry;
import io.vigil.gateway.camera.CameraSpec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Recordings, gaps and events written as the indexer writes them, read back as dates and timelines. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineResourceTest {

    private static final String CAM = "tl-cam";

    @Inject
    CameraRegistry cameras;

    private long first;
    private long longOne;

    @BeforeAll
    void catalog() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> cameras.create(
                new CameraSpec(CAM, "Timeline", "rtsp://cam.local/tl", CameraMode.CONTINUOUS, 900, 5, 10, 1800, MotionSettings.DEFAULT)));
        // 2 November: two touching files, one a second later (joined), then a reconnect gap
        first = recording(CAM, "2026-11-02T10:00:00Z", "2026-11-02T10:15:00Z");
        recording(CAM, "2026-11-02T10:15:00Z", "2026-11-02T10:30:00Z");
        recording(CAM, "2026-11-02T10:30:01Z", "2026-11-02T10:45:00Z");
        recording(CAM, "2026-11-02T11:00:00Z", "2026-11-02T11:15:00Z");
        // a three-hour file: longer than every other, found from a range that begins within it
        longOne = recording(CAM, "2026-11-02T05:00:00Z", "2026-11-02T08:00:00Z");
        // being deleted: hidden from every query, the day of 20 November included
        hidden(recording(CAM, "2026-11-02T12:00:00Z", "2026-11-02T12:15:00Z"));
        hidden(recording(CAM, "2026-11-20T10:00:00Z", "2026-11-20T10:15:00Z"));
        // 23:30 UTC is 00:30 of the next day in Berlin
        recording(CAM, "2026-11-05T23:30:00Z", "2026-11-05T23:45:00Z");
        // across midnight UTC, and within 10 November in Berlin
        recording(CAM, "2026-11-09T23:50:00Z", "2026-11-10T00:10:00Z");
        // 25 October, the end of summer time in Berlin: 00:30 (UTC+2) and 23:30 (UTC+1) of the same local day
        recording(CAM, "2026-10-24T22:30:00Z", "2026-10-24T22:45:00Z");
        recording(CAM, "2026-10-25T22:30:00Z", "2026-10-25T22:45:00Z");
        recording("tl-other", "2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z");
        // a removed camera's footage is still catalogued
        recording("tl-gone", "2026-11-03T10:00:00Z", "2026-11-03T10:15:00Z");

        gap(CAM, "2026-11-01T00:00:00Z", "2026-11-02T05:00:00Z", "camera_offline", "connection refused");
        gap(CAM, "2026-11-02T10:45:00Z", "2026-11-02T11:00:00Z", "reconnect", null);
        gap(CAM, "2026-11-02T13:00:00Z", "2026-11-02T13:05:00Z", "storage_full", null);
        gap("tl-other", "2026-11-02T10:45:00Z", "2026-11-02T11:00:00Z", "reconnect", null);

        event("tl-motion", CAM, "2026-11-02T10:05:00Z", "2026-11-02T10:06:00Z", "2026-11-02T10:06:10Z", "motion", null, 0.05);
        event("tl-bell", CAM, "2026-11-02T11:05:00Z", "2026-11-02T11:05:00Z", "2026-11-02T11:05:10Z", "external", "doorbell", null);
        event("tl-later", CAM, "2026-11-02T14:00:00Z", "2026-11-02T14:01:00Z", "2026-11-02T14:01:10Z", "motion", null, 0.1);
        event("tl-elsewhere", "tl-other", "2026-11-02T10:05:00Z", "2026-11-02T10:06:00Z", "2026-11-02T10:06:10Z", "motion", null, 0.1);
    }

    @Test
    void timelineMergesClipsAndAddsGapsAndEvents() {
        range("2026-11-02T10:05:00Z", "2026-11-02T11:10:00Z").get("/api/cameras/tl-cam/timeline").then().statusCode(200)
                .body("cameraId", is(CAM))
                .body("from", is("2026-11-02T10:05:00Z"))
                .body("to", is("2026-11-02T11:10:00Z"))
                .body("covered.start", contains("2026-11-02T10:05:00Z", "2026-11-02T11:00:00Z"))
                .body("covered.end", contains("2026-11-02T10:45:00Z", "2026-11-02T11:10:00Z"))
                .body("recordings", is(4))
                // 10:05-10:30:00, 10:30:01-10:45, 11:00-11:10: the second between the files is not footage
                .body("coveredSeconds", is(2999.0f))
                .body("gapSeconds", is(900.0f))
                .body("gaps.start", contains("2026-11-02T10:45:00Z"))
                .body("gaps[0].end", is("2026-11-02T11:00:00Z"))
                .body("gaps[0].cause", is("reconnect"))
                .body("gaps[0].detail", nullValue())
                .body("events.id", contains("tl-motion", "tl-bell"))
                .body("events[0].reason", is("motion"))
                .body("events[0].peakScore", is(0.05f))
                .body("events[0].recordings.id", contains((int) first))
                .body("events[1].label", is("doorbell"));
    }

    @Test
    void longRecordingsAndGapsThatBeganLongBeforeTheRangeAreFound() {
        range("2026-11-02T07:00:00Z", "2026-11-02T07:30:00Z").get("/api/cameras/tl-cam/timeline").then().statusCode(200)
                .body("covered.start", contains("2026-11-02T07:00:00Z"))
                .body("covered.end", contains("2026-11-02T07:30:00Z"))
                .body("recordings", is(1))
                .body("coveredSeconds", is(1800.0f))
                .body("gaps", empty());
        range("2026-11-02T04:00:00Z", "2026-11-02T05:30:00Z").get("/api/cameras/tl-cam/timeline").then().statusCode(200)
                .body("gaps.start", contains("2026-11-01T00:00:00Z"))
                .body("gaps[0].end", is("2026-11-02T05:00:00Z"))
                .body("gaps[0].cause", is("camera_offline"))
                .body("gaps[0].detail", is("connection refused"))
                .body("gapSeconds", is(3600.0f))
                .body("covered.start", contains("2026-11-02T05:00:00Z"))
                .body("coveredSeconds", is(1800.0f));
        range("2026-11-02T07:59:00Z", "2026-11-02T08:01:00Z").get("/api/cameras/tl-cam/recordings").then().statusCode(200)
                .body("id", contains((int) longOne));
    }

    @Test
    void recordingsBeingDeletedAreNotFootage() {
        range("2026-11-02T11:50:00Z", "2026-11-02T12:30:00Z").get("/api/cameras/tl-cam/timeline").then().statusCode(200)
                .body("covered", empty())
                .body("recordings", is(0))
                .body("coveredSeconds", is(0.0f));
    }

    @Test
    void datesAreLocalDaysWithFootage() {
        dates("2026-11", "UTC").get("/api/cameras/tl-cam/dates").then().statusCode(200)
                .body("cameraId", is(CAM))
                .body("month", is("2026-11"))
                .body("tz", is("UTC"))
                .body("dates", contains("2026-11-02", "2026-11-05", "2026-11-09", "2026-11-10"));
        dates("2026-11", "Europe/Berlin").get("/api/cameras/tl-cam/dates").then().statusCode(200)
                .body("tz", is("Europe/Berlin"))
                .body("dates", contains("2026-11-02", "2026-11-06", "2026-11-10"));
        // the day summer time ends has 25 hours: both recordings fall on it
        dates("2026-10", "Europe/Berlin").get("/api/cameras/tl-cam/dates").then().statusCode(200).body("dates", contains("2026-10-25"));
        dates("2026-10", "UTC").get("/api/cameras/tl-cam/dates").then().statusCode(200).body("dates", contains("2026-10-24", "2026-10-25"));
        // the gap that began on 1 November is no footage
        dates("2026-12", "Europe/Berlin").get("/api/cameras/tl-cam/dates").then().statusCode(200).body("dates", empty());
    }

    @Test
    void datesDefaultToTheCurrentMonthInUtc() {
        given().get("/api/cameras/tl-cam/dates").then().statusCode(200)
                .body("tz", is("UTC"))
                .body("month", is(YearMonth.now(ZoneOffset.UTC).toString()));
    }

    @Test
    void aRemovedCameraKeepsItsCalendarAndTimeline() {
        dates("2026-11", "UTC").get("/api/cameras/tl-gone/dates").then().statusCode(200)
                .body("dates", contains("2026-11-03"));
        range("2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z").get("/api/cameras/tl-gone/timeline").then().statusCode(200)
                .body("recordings", is(1));
    }

    @Test
    void unknownCamerasAre404() {
        for (String path : new String[] {"/api/cameras/tl-nobody/dates", "/api/cameras/tl-nobody/timeline",
                "/api/cameras/Bad_Id/dates", "/api/cameras/Bad_Id/timeline"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void badParametersAreNamed() {
        bad(dates("2026-13", null), "/api/cameras/tl-cam/dates", "month");
        bad(dates("2026-1", null), "/api/cameras/tl-cam/dates", "month");
        bad(dates(null, "Europe/Nowhere"), "/api/cameras/tl-cam/dates", "tz");
        bad(dates("2026-11", "+25:00"), "/api/cameras/tl-cam/dates", "tz");
        bad(given().queryParam("from", "yesterday"), "/api/cameras/tl-cam/timeline", "from");
        bad(given().queryParam("to", "2026-11-02 10:00"), "/api/cameras/tl-cam/timeline", "to");
        bad(range("2026-11-02T11:00:00Z", "2026-11-02T10:00:00Z"), "/api/cameras/tl-cam/timeline", "from");
        bad(range("2026-09-01T00:00:00Z", "2026-11-02T00:00:00Z"), "/api/cameras/tl-cam/timeline", "from");
    }

    private static void bad(RequestSpecification request, String path, String field) {
        request.get(path).then().statusCode(400).contentType("application/problem+json").body("field", is(field));
    }

    private static RequestSpecification dates(String month, String tz) {
        RequestSpecification request = given();
        if (month != null) {
            request.queryParam("month", month);
        }
        if (tz != null) {
            request.queryParam("tz", tz);
        }
        return request;
    }

    private static RequestSpecification range(String from, String to) {
        return given().queryParam("from", from).queryParam("to", to);
    }

    private static long recording(String camera, String start, String end) {
        return TestCatalog.insertRecording(camera, camera + "/" + start.replace(':', '-') + ".mp4", Instant.parse(start), Instant.parse(end), 100);
    }

    private static void hidden(long recording) {
        TestCatalog.update("update recording set deleting_since = now() where id = ?", recording);
    }

    private static void gap(String camera, String start, String end, String cause, String detail) {
        TestCatalog.update("insert into gap (camera_id, start_time, end_time, cause, detail, created_at) values (?, ?, ?, ?, ?, now())",
                camera, Instant.parse(start), Instant.parse(end), cause, detail);
    }

    private static void event(String id, String camera, String start, String end, String recordingEnd, String reason,
                              String label, Double peak) {
        TestCatalog.update("""
                insert into event (id, camera_id, start_time, end_time, recording_end, reason, label, peak_score, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, now())""",
                id, camera, Instant.parse(start), Instant.parse(end), Instant.parse(recordingEnd), reason, label, peak);
    }
}
