package io.vigil.gateway.fuzz;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every endpoint: bad ids, bad instants, huge spans, path traversal, oversized and
 * broken bodies. Each must get a 4xx as problem+json that says what is wrong - never a 500, and never
 * the bytes of a file outside the recordings root.
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final String CAMERA = "fuzz-cam";
    private static final String SECRET = "fuzz secret outside the root";

    /** Camera ids that are not ids, some of them trying to leave the path they are put in. */
    private static final List<String> BAD_IDS = List.of("..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "a%00b", "UPPER",
            "x".repeat(300), "%E2%98%83", "'%20or%201=1--", "a.mp4", "-%00");
    /** Recording ids that are not ids. */
    private static final List<String> BAD_RECORDING_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1e3", "..",
            "..%2F..%2Fsecret.txt", "%00");
    /** Instants that are not instants, or that no calendar arithmetic survives. */
    private static final List<String> BAD_INSTANTS = List.of("yesterday", "2026-13-45T00:00:00Z", "2026-11-22T10:00:00",
            "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "9999999999999999999", "%00", "2026-11-22T25:00:00Z",
            "..%2F..%2Fetc");

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @Inject
    CameraRegistry cameras;

    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    void cameraWithRecordingsOutsideTheRoot() throws Throwable {
        Files.createDirectories(root);
        Path secret = root.toAbsolutePath().getParent().resolve("fuzz-secret.txt");
        Files.writeString(secret, SECRET);
        Path link = root.resolve(CAMERA + "/2025-02-01/link.mp4");
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, secret);
        VertxContextSupport.subscribeAndAwait(() -> cameras.create(new CameraSpec(CAMERA, "Fuzz", "rtsp://cam.local/fuzz",
                CameraMode.CONTINUOUS, 900, 5, 10, 1800, MotionSettings.DEFAULT)));
        Instant start = Instant.parse("2025-02-01T10:00:00Z");
        for (String path : List.of("../fuzz-secret.txt", "/etc/passwd", root.toAbsolutePath().getParent() + "/fuzz-secret.txt",
                CAMERA + "/../../fuzz-secret.txt", CAMERA + "/2025-02-01/link.mp4")) {
            TestCatalog.insertRecording(CAMERA, path, start, start.plusSeconds(60), SECRET.length());
            start = start.plusSeconds(60);
        }
    }

    @Test
    void badCameraIdsAreRefusedOnEveryCameraEndpoint() {
        for (String id : BAD_IDS) {
            for (String path : List.of("/api/cameras/%s", "/api/cameras/%s/recordings", "/api/cameras/%s/timeline",
                    "/api/cameras/%s/dates", "/api/cameras/%s/playback.m3u8?from=2025-02-01T10:00:00Z&to=2025-02-01T10:05:00Z",
                    "/api/cameras/%s/clip.mp4?from=2025-02-01T10:00:00Z&to=2025-02-01T10:05:00Z")) {
                probe("GET", String.format(path, id), Request::get);
            }
            probe("DELETE " + id, "/api/cameras/" + id, Request::delete);
            probe("PUT " + id, "/api/cameras/" + id, spec -> spec.contentType(ContentType.JSON)
                    .body("{\"url\":\"rtsp://cam.local/x\"}").put());
            probe("POST recording " + id, "/api/cameras/" + id + "/recording", spec -> spec.contentType(ContentType.JSON)
                    .body("{}").post());
            probe("GET events camera=" + id, "/api/events?camera=" + id, Request::get);
        }
        assertNoFailures();
    }

    @Test
    void badRecordingIdsAreRefused() {
        for (String id : BAD_RECORDING_IDS) {
            for (String path : List.of("/api/recordings/%s", "/api/recordings/%s/media", "/api/recordings/%s/media.mp4",
                    "/api/events/%s")) {
                probe("GET", String.format(path, id), Request::get);
            }
            probe("PUT lock " + id, "/api/recordings/" + id + "/lock", Request::put);
            probe("DELETE " + id, "/api/recordings/" + id, Request::delete);
        }
        assertNoFailures();
    }

    @Test
    void badInstantsAndHugeOrBackwardSpansAreRefused() {
        List<String[]> spans = new ArrayList<>();
        for (String instant : BAD_INSTANTS) {
            spans.add(new String[] {instant, "2025-02-01T10:05:00Z"});
            spans.add(new String[] {"2025-02-01T10:00:00Z", instant});
        }
        spans.add(new String[] {"1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"});
        spans.add(new String[] {"2025-02-01T10:05:00Z", "2025-02-01T10:00:00Z"});
        for (String[] span : spans) {
            String query = "?from=" + span[0] + "&to=" + span[1];
            for (String path : List.of("/api/cameras/" + CAMERA + "/recordings", "/api/cameras/" + CAMERA + "/timeline",
                    "/api/cameras/" + CAMERA + "/playback.m3u8", "/api/cameras/" + CAMERA + "/clip.mp4", "/api/events")) {
                probe("GET", path + query, Request::get);
            }
        }
        for (String month : List.of("2026-13", "0-01", "+999999999-12", "november", "2026-1", "%00")) {
            probe("GET", "/api/cameras/" + CAMERA + "/dates?month=" + month, Request::get);
        }
        for (String tz : List.of("Mars/Olympus", "..%2F..%2Fetc%2Flocaltime", "UTC+99", "%00")) {
            probe("GET", "/api/cameras/" + CAMERA + "/dates?tz=" + tz, Request::get);
        }
        for (String limit : List.of("-1", "0", "5001", "lots", "99999999999999999999")) {
            probe("GET", "/api/events?limit=" + limit, Request::get);
        }
        for (String reason : List.of("mystery", "%00", "MOTION;drop")) {
            probe("GET", "/api/events?reason=" + reason, Request::get);
        }
        assertNoFailures();
    }

    @Test
    void brokenOversizedAndHostileBodiesAreRefused() {
        List<String> bodies = List.of("", "{", "[]", "null", "42", "\"text\"", "{\"id\":", "[".repeat(100_000),
                "{\"id\":\"../../etc\",\"url\":\"rtsp://cam.local/x\"}",
                "{\"id\":\"fuzz-new\",\"url\":\"file:///etc/passwd\"}",
                "{\"id\":\"fuzz-new\",\"url\":\"rtsp://cam.local/x\",\"rotationSeconds\":\"forever\"}",
                "{\"id\":\"fuzz-new\",\"url\":\"rtsp://cam.local/x\",\"rotationSeconds\":99999999999999999999}",
                "{\"id\":\"fuzz-new\",\"url\":\"rtsp://cam.local/x\",\"mode\":\"sometimes\"}",
                "{\"id\":\"fuzz-new\",\"url\":\"rtsp://cam.local/x\",\"motion\":{\"masks\":[{\"x\":-1e308}]}}",
                "{\"id\":\"fuzz-new\",\"url\":\"rtsp://" + "a".repeat(100_000) + "\"}");
        for (String body : bodies) {
            String label = "POST /api/cameras " + body.substring(0, Math.min(40, body.length()));
            probe(label, "/api/cameras", spec -> spec.contentType(ContentType.JSON).body(body).post());
            probe("PUT " + label, "/api/cameras/" + CAMERA, spec -> spec.contentType(ContentType.JSON).body(body).put());
        }
        for (String body : List.of("{", "[]", "{\"durationSeconds\":\"forever\"}", "{\"durationSeconds\":-5}",
                "{\"durationSeconds\":99999999999}", "{\"durationSeconds\":1e308}")) {
            probe("POST recording " + body, "/api/cameras/" + CAMERA + "/recording",
                    spec -> spec.contentType(ContentType.JSON).body(body).post());
        }
        // within the body limit but far beyond any field's: the validator names the field
        String large = "{\"id\":\"fuzz-large\",\"url\":\"rtsp://cam.local/x\",\"name\":\"" + "n".repeat(900_000) + "\"}";
        probe("POST /api/cameras of 900 KB", "/api/cameras", spec -> spec.contentType(ContentType.JSON).body(large).post());
        oversized();
        probe("POST /api/cameras as text", "/api/cameras", spec -> spec.contentType(ContentType.TEXT).body("id=x").post());
        assertNoFailures();
    }

    @Test
    void hostileRangeHeadersAreRefusedAndNoFileOutsideTheRootIsServed() {
        long inside = TestCatalog.insertRecording(CAMERA, CAMERA + "/2025-02-02/a.mp4", Instant.parse("2025-02-02T10:00:00Z"),
                Instant.parse("2025-02-02T10:01:00Z"), 100);
        try {
            Path file = root.resolve(CAMERA + "/2025-02-02/a.mp4");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[100]);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (String range : List.of("bytes=999999999999999999999-", "bytes=200-300", "bytes=5-1", "chars=0-1", "bytes=-0",
                "bytes=--1", "bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17,18-19,20-21,22-23,24-25,26-27,28-29,30-31,32-33,34-35")) {
            Response response = given().header("Range", range).get("/api/recordings/" + inside + "/media");
            int status = response.statusCode();
            if (status >= 500) {
                failures.add("Range " + range + " -> " + status);
            }
        }
        // every recording row pointing outside the root: none of its bytes ever leave the gateway
        Response list = given().queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-02-01T23:00:00Z")
                .get("/api/cameras/" + CAMERA + "/recordings");
        assertThat(list.statusCode()).isEqualTo(200);
        List<Integer> ids = list.jsonPath().getList("id");
        assertThat(ids).hasSize(5);
        for (Integer id : ids) {
            for (String path : List.of("/api/recordings/" + id + "/media", "/api/recordings/" + id + "/media.mp4")) {
                Response response = given().get(path);
                check("GET " + path, response);
                if (response.asString().contains(SECRET)) {
                    failures.add("GET " + path + " served a file outside the recordings root");
                }
            }
        }
        for (String path : List.of("/api/cameras/" + CAMERA + "/clip.mp4", "/api/cameras/" + CAMERA + "/playback.m3u8")) {
            Response response = given().queryParam("from", "2025-02-01T10:00:00Z").queryParam("to", "2025-02-01T10:05:00Z").get(path);
            if (response.statusCode() >= 500 || response.asString().contains(SECRET)) {
                failures.add("GET " + path + " -> " + response.statusCode() + " over recordings outside the root");
            }
        }
        assertNoFailures();
    }

    /**
     * A body beyond the gateway's limit (1 MiB) is refused with the same 413 problem whether its size is
     * declared or not: one request declares 12 MB and sends none of it, the other sends 2 MiB in chunks
     * (no Content-Length), so the limit is only met while the body streams in.
     */
    private void oversized() {
        String declared = "POST /api/cameras HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 12 * 1024 * 1024 + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(declared.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            expectTooLarge("POST /api/cameras declaring 12 MB", socket);
        } catch (java.io.IOException e) {
            failures.add("POST /api/cameras declaring 12 MB: " + e);
        }
        String chunked = "POST /api/cameras HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(chunked.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("{\"name\":\"" + "n".repeat(64 * 1024 - 10)).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < 2 * 1024 * 1024; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closed) {
                // the gateway may answer and close before the whole body is sent: its answer is still there to read
            }
            expectTooLarge("POST /api/cameras with 2 MiB chunked", socket);
        } catch (java.io.IOException e) {
            failures.add("POST /api/cameras with 2 MiB chunked: " + e);
        }
    }

    /** A chunked body within the limit still reaches the API whole: the camera it describes is created. */
    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws java.io.IOException {
        String camera = "{\"id\":\"fuzz-chunked\",\"name\":\"" + "c".repeat(200) + "\",\"url\":\"rtsp://cam.local/x\"}";
        String request = "POST /api/cameras HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            // in two chunks, so the body is put together again
            for (String part : List.of(camera.substring(0, 100), camera.substring(100))) {
                out.write((Integer.toHexString(part.length()) + "\r\n" + part + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(status).startsWith("HTTP/1.1 201");
        }
        try {
            assertThat(given().get("/api/cameras/fuzz-chunked").then().statusCode(200).extract().path("name").toString())
                    .isEqualTo("c".repeat(200));
        } finally {
            given().delete("/api/cameras/fuzz-chunked");
        }
    }

    /** Reads one HTTP answer from the socket: it must be a 413 problem naming the limit. */
    private void expectTooLarge(String label, Socket socket) throws java.io.IOException {
        BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = answer.readLine();
        String type = "";
        int length = 0;
        for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = lower.substring("content-type:".length()).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = answer.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        String text = new String(body, 0, read);
        if (status == null || !status.startsWith("HTTP/1.1 413") || !type.startsWith("application/problem+json") || !text.contains("at most")) {
            failures.add(label + " -> " + status + " " + type + " " + abbreviate(text));
        }
    }

    /** Sends the request with its path and query as written (no second encoding) and checks the answer. */
    private void probe(String label, String pathAndQuery, Function<Request, Response> send) {
        RequestSpecification spec = given().urlEncodingEnabled(false).config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        Response response;
        try {
            response = send.apply(new Request(spec, pathAndQuery));
        } catch (RuntimeException e) {
            failures.add(label + " " + abbreviate(pathAndQuery) + ": " + e);
            return;
        }
        check(label + " " + abbreviate(pathAndQuery), response);
    }

    /** A request about to go to one path: the probes say only the method and the body. */
    private record Request(RequestSpecification spec, String path) {

        Request contentType(ContentType type) {
            return new Request(spec.contentType(type), path);
        }

        Request body(Object body) {
            return new Request(spec.body(body), path);
        }

        Response get() {
            return spec.get(path);
        }

        Response put() {
            return spec.put(path);
        }

        Response post() {
            return spec.post(path);
        }

        Response delete() {
            return spec.delete(path);
        }
    }

    private void check(String label, Response response) {
        int status = response.statusCode();
        String type = response.contentType();
        if (status < 400 || status >= 500) {
            failures.add(label + " -> " + status + (status >= 500 ? " " + abbreviate(response.asString()) : ""));
            return;
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(label + " -> " + status + " as " + type + ", not problem+json");
            return;
        }
        String detail = response.jsonPath().getString("detail");
        if (detail == null || detail.isBlank() || response.jsonPath().getInt("status") != status) {
            failures.add(label + " -> " + status + " without a detail or with a different status: " + abbreviate(response.asString()));
        }
        if (response.asString().contains(SECRET)) {
            failures.add(label + " -> showed the secret");
        }
    }

    private void assertNoFailures() {
        List<String> found = List.copyOf(failures);
        failures.clear();
        assertThat(found).as("requests not answered with a clear 4xx problem").isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
