package io.vigil.gateway.auth;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of caller against each endpoint family, with real credentials: a local admin's and a viewer's
 * session (login), an operator's API key, a JWT viewer limited to the camera {@code door} (signed by the
 * key JwksServer publishes), nobody, and a revoked key. Mutating calls use bodies or targets that fail
 * after the access check (400/404), so the table shows who gets past the check without changing data.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwksServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Caller { ADMIN, OPERATOR, VIEWER, SCOPED_VIEWER, ANONYMOUS, REVOKED_KEY }

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    private final Map<Caller, String> bearer = new java.util.EnumMap<>(Caller.class);
    private String adminCookie;
    private String viewerCookie;
    private long garageRecording;
    private String garageEvent;
    private String garageImport;
    private String metricsKey;

    private boolean ready;

    /** Once per class, but in a @BeforeEach: Quarkus points RestAssured at the app only around each test. */
    @BeforeEach
    void callersAndData() throws Exception {
        if (ready) {
            return;
        }
        ready = true;
        camera("door");
        camera("garage");
        String path = "garage/2025-03-01/garage_2025-03-01_10-00-00.mp4";
        Files.createDirectories(root.resolve(path).getParent());
        Files.write(root.resolve(path), new byte[4096]);
        garageRecording = TestCatalog.insertRecording("garage", path, Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T10:15:00Z"), 4096);
        TestCatalog.insertRecording("door", "door/2025-03-01/door_2025-03-01_10-00-00.mp4",
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:15:00Z"), 4096);
        garageEvent = event("garage");
        event("door");
        garageImport = importJob("garage");
        importJob("door");

        adminCookie = login("admin", JwksServer.ADMIN_PASSWORD);
        user("matrix-viewer", "viewer", null);
        viewerCookie = login("matrix-viewer", "viewer-password-1");
        bearer.put(Caller.OPERATOR, key("matrix-operator", "operator", null));
        bearer.put(Caller.SCOPED_VIEWER, TestJwts.valid("door-watcher", List.of("viewer"), List.of("door")));
        String revoked = key("matrix-revoked", "admin", null);
        String revokedId = given().header("Authorization", "Bearer " + revoked).get("/api/auth/me").then().statusCode(200)
                .extract().path("principal");
        assertThat(revokedId).isEqualTo("key:matrix-revoked");
        revoke("matrix-revoked");
        bearer.put(Caller.REVOKED_KEY, revoked);
        metricsKey = key("matrix-metrics", "metrics", null);
    }

    /** One endpoint and the status each caller gets. */
    record Row(String family, String method, String path, String body, int admin, int operator, int viewer,
               int scopedViewer) {

        int expected(Caller caller) {
            return switch (caller) {
                case ADMIN -> admin;
                case OPERATOR -> operator;
                case VIEWER -> viewer;
                case SCOPED_VIEWER -> scopedViewer;
                case ANONYMOUS, REVOKED_KEY -> 401;
            };
        }
    }

    List<Row> rows() {
        long rec = garageRecording;
        return List.of(
                new Row("cameras", "GET", "/api/cameras", null, 200, 200, 200, 200),
                new Row("cameras", "GET", "/api/cameras/garage", null, 200, 200, 200, 404),
                new Row("cameras", "GET", "/api/cameras/door", null, 200, 200, 200, 200),
                new Row("cameras", "POST", "/api/cameras", "{}", 400, 403, 403, 403),
                new Row("cameras", "PUT", "/api/cameras/garage", "{}", 400, 403, 403, 403),
                new Row("cameras", "DELETE", "/api/cameras/no-such-camera", null, 404, 403, 403, 403),
                new Row("recordings", "GET", "/api/cameras/garage/recordings?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z",
                        null, 200, 200, 200, 404),
                new Row("recordings", "GET", "/api/recordings/" + rec, null, 200, 200, 200, 404),
                new Row("recordings", "DELETE", "/api/recordings/987654321", null, 404, 403, 403, 403),
                new Row("media", "GET", "/api/recordings/" + rec + "/media", null, 200, 200, 200, 404),
                new Row("media", "GET", "/api/recordings/" + rec + "/media.mp4", null, 200, 200, 200, 404),
                new Row("playback", "GET", "/api/cameras/garage/playback.m3u8", null, 400, 400, 400, 404),
                new Row("playback", "GET", "/api/cameras/door/playback.m3u8", null, 400, 400, 400, 400),
                new Row("export", "GET", "/api/cameras/garage/clip.mp4", null, 400, 400, 403, 403),
                new Row("events", "GET", "/api/events?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z", null, 200, 200, 200, 200),
                new Row("events", "GET", "/api/events/" + garageEvent, null, 200, 200, 200, 404),
                new Row("timeline", "GET", "/api/cameras/garage/timeline?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z",
                        null, 200, 200, 200, 404),
                new Row("dates", "GET", "/api/cameras/garage/dates?month=2025-03", null, 200, 200, 200, 404),
                new Row("storage", "GET", "/api/storage", null, 200, 200, 200, 200),
                new Row("imports", "GET", "/api/imports", null, 200, 403, 403, 403),
                new Row("imports", "GET", "/api/imports/" + garageImport, null, 200, 403, 403, 403),
                new Row("imports", "POST", "/api/imports", "{}", 400, 403, 403, 403),
                new Row("manual recording", "POST", "/api/cameras/garage/recording", "{\"durationSeconds\":-1}", 400, 400, 403, 403),
                new Row("manual recording", "DELETE", "/api/cameras/garage/recording", null, 404, 404, 403, 403),
                new Row("locks", "PUT", "/api/recordings/" + rec + "/lock", null, 200, 200, 403, 403),
                new Row("locks", "DELETE", "/api/recordings/" + rec + "/lock", null, 200, 200, 403, 403),
                new Row("users", "GET", "/api/users", null, 200, 403, 403, 403),
                new Row("users", "POST", "/api/users", "{}", 400, 403, 403, 403),
                new Row("keys", "GET", "/api/keys", null, 200, 403, 403, 403),
                new Row("keys", "POST", "/api/keys", "{}", 400, 403, 403, 403),
                new Row("keys", "DELETE", "/api/keys/" + UUID.randomUUID(), null, 404, 403, 403, 403),
                new Row("audit", "GET", "/api/audit", null, 200, 403, 403, 403),
                new Row("audit", "GET", "/api/audit?limit=0", null, 400, 403, 403, 403),
                new Row("exports", "GET", "/api/exports/" + UUID.randomUUID() + "/manifest", null, 404, 404, 403, 403),
                new Row("metrics", "GET", "/q/metrics", null, 200, 403, 403, 403),
                new Row("docs", "GET", "/q/openapi", null, 200, 200, 200, 200),
                new Row("caller", "GET", "/api/auth/me", null, 200, 200, 200, 200));
    }

    Stream<Caller> callers() {
        return Stream.of(Caller.values());
    }

    @ParameterizedTest
    @MethodSource("callers")
    void eachCallerGetsWhatTheirRoleAllows(Caller caller) {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            Response response = request(caller, row);
            int expected = row.expected(caller);
            if (response.statusCode() != expected) {
                wrong.add(row.family() + ": " + row.method() + " " + row.path() + " gave " + response.statusCode()
                        + ", expected " + expected + " " + response.body().asString());
            }
            if (response.statusCode() == 401) {
                assertThat(response.header("WWW-Authenticate")).as(row.path()).startsWith("Bearer");
                assertThat(response.contentType()).as(row.path()).startsWith("application/problem+json");
            }
            if (response.statusCode() == 403) {
                assertThat(response.contentType()).as(row.path()).startsWith("application/problem+json");
            }
        }
        assertThat(wrong).as(caller + " against each endpoint").isEmpty();
    }

    @Test
    void healthAndTheUiShellNeedNoCredentials() {
        given().get("/q/health").then().statusCode(200);
        given().get("/").then().statusCode(200);
    }

    @Test
    void aMetricsKeyReadsMetricsAndNothingElse() {
        given().header("Authorization", "Bearer " + metricsKey).get("/q/metrics").then().statusCode(200);
        given().header("Authorization", "Bearer " + metricsKey).get("/api/cameras").then().statusCode(403);
    }

    @Test
    void aScopedCallerSeesOnlyItsCamerasInLists() {
        String jwt = bearer.get(Caller.SCOPED_VIEWER);
        List<String> cameras = given().header("Authorization", "Bearer " + jwt).get("/api/cameras")
                .then().statusCode(200).extract().path("id");
        assertThat(cameras).containsExactly("door");
        List<String> eventCameras = given().header("Authorization", "Bearer " + jwt)
                .queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02T00:00:00Z")
                .get("/api/events").then().statusCode(200).extract().path("cameraId");
        assertThat(eventCameras).isNotEmpty().containsOnly("door");
        given().header("Authorization", "Bearer " + jwt).queryParam("camera", "garage")
                .queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-02T00:00:00Z")
                .get("/api/events").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        List<String> storage = given().header("Authorization", "Bearer " + jwt).get("/api/storage")
                .then().statusCode(200).extract().path("cameras.cameraId");
        assertThat(storage).doesNotContain("garage");
        // the 404 of a camera out of scope is word for word that of a camera that does not exist
        String outOfScope = given().header("Authorization", "Bearer " + jwt).get("/api/cameras/garage").then()
                .statusCode(404).extract().path("detail");
        assertThat(outOfScope).isEqualTo("no camera garage");

        // an admin token limited to door (a JWT may say so): imports of garage are gone too
        String scopedAdmin = TestJwts.valid("door-admin", List.of("admin"), List.of("door"));
        List<String> imports = given().header("Authorization", "Bearer " + scopedAdmin).get("/api/imports")
                .then().statusCode(200).extract().path("cameraId");
        assertThat(imports).contains("door").doesNotContain("garage");
        given().header("Authorization", "Bearer " + scopedAdmin).get("/api/imports/" + garageImport).then().statusCode(404);
        given().header("Authorization", "Bearer " + scopedAdmin).delete("/api/imports/" + garageImport).then().statusCode(404);
    }

    private Response request(Caller caller, Row row) {
        RequestSpecification request = given().redirects().follow(false);
        switch (caller) {
            case ADMIN -> request.cookie(VigilAuthMechanism.COOKIE, adminCookie);
            case VIEWER -> request.cookie(VigilAuthMechanism.COOKIE, viewerCookie);
            case ANONYMOUS -> {
            }
            default -> request.header("Authorization", "Bearer " + bearer.get(caller));
        }
        if (row.body() != null) {
            request.contentType("application/json").body(row.body());
        }
        return request.request(row.method(), row.path());
    }

    // ---- set-up through the API, as an admin would ----

    static String login(String username, String password) {
        return given().contentType("application/json")
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().cookie(VigilAuthMechanism.COOKIE);
    }

    private String key(String name, String role, List<String> cameras) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "role", role));
        if (cameras != null) {
            body.put("cameras", cameras);
        }
        return given().cookie(VigilAuthMechanism.COOKIE, adminCookie).contentType("application/json").body(body)
                .post("/api/keys").then().statusCode(201).extract().path("key");
    }

    private void revoke(String name) {
        List<Map<String, Object>> keys = given().cookie(VigilAuthMechanism.COOKIE, adminCookie).get("/api/keys")
                .then().statusCode(200).extract().path("");
        String id = keys.stream().filter(key -> name.equals(key.get("name"))).findFirst().orElseThrow().get("id").toString();
        given().cookie(VigilAuthMechanism.COOKIE, adminCookie).delete("/api/keys/" + id).then().statusCode(204);
    }

    private void user(String username, String role, List<String> cameras) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", "viewer-password-1", "role", role));
        if (cameras != null) {
            body.put("cameras", cameras);
        }
        given().cookie(VigilAuthMechanism.COOKIE, adminCookie).contentType("application/json").body(body)
                .post("/api/users").then().statusCode(201);
    }

    private static void camera(String id) {
        TestCatalog.update("""
                insert into camera (id, name, url, mode, rotation_seconds, revision, created_at, updated_at)
                values (?, ?, ?, 'continuous', 60, 1, now(), now()) on conflict (id) do nothing""",
                id, id, "rtsp://user:secret@cam/" + id);
    }

    private static String event(String cameraId) {
        String id = cameraId + "-" + UUID.randomUUID();
        TestCatalog.update("""
                insert into event (id, camera_id, start_time, end_time, recording_end, reason, updated_at)
                values (?, ?, ?, ?, ?, 'motion', now())""",
                id, cameraId, Instant.parse("2025-03-01T10:01:00Z"), Instant.parse("2025-03-01T10:02:00Z"),
                Instant.parse("2025-03-01T10:02:10Z"));
        return id;
    }

    private static String importJob(String cameraId) {
        UUID id = UUID.randomUUID();
        TestCatalog.update("""
                insert into import_job (id, camera_id, url, kind, created_at) values (?, ?, 'https://media.test/a.mp4', 'mp4', now())""",
                id, cameraId);
        return id.toString();
    }
}
