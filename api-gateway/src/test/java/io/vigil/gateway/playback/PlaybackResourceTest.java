package io.vigil.gateway.playback;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;
import io.vigil.fmp4.FragmentIndexReader;
import io.vigil.gateway.TestCatalog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Playback over real recordings: fragmented MP4 files made by FFmpeg as the recorder makes them,
 * catalogued with their real fragment index, played back by FFmpeg itself over HTTP.
 *
 * <pre>
 * T0        T0+10 s        T0+20 s   T0+25 s        T0+35 s   T0+40 s   T0+45 s
 * |--- A ---|----- B -----|  (gap)  |----- C ------|  (gap)  |-- D ----|
 *  session 1 (B continues A's timeline)  session 2 (restarts at 0)  session 3, another resolution
 * </pre>
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybackResourceTest {

    private static final String CAMERA = "play-cam";
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** One GOP: the keyframe interval of every file here. */
    private static final double GOP = 1.0;

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @TestHTTPResource("/")
    URL base;

    private long a;
    private long b;
    private long c;
    private long d;

    @BeforeAll
    void recordAndCatalog() throws IOException {
        Path work = Files.createTempDirectory("vigil-playback");
        Path session1 = work.resolve("session1.mp4");
        Ffmpeg.record(session1, 20, "640x360");
        FragmentIndex whole = FragmentIndexReader.read(session1);
        assertThat(whole.fragments()).hasSize(20);
        byte[] bytes = Files.readAllBytes(session1);
        byte[] init = Arrays.copyOf(bytes, (int) whole.initSize());
        // the recorder rotates a session into files that each start with the init and go on with the same timeline
        a = catalog(T0, "s1", write("a.mp4", init, bytes, whole.fragments().subList(0, 10)), "640x360");
        b = catalog(T0.plusSeconds(10), "s1", write("b.mp4", init, bytes, whole.fragments().subList(10, 20)), "640x360");
        Path session2 = root.resolve(CAMERA + "/2026-03-01/c.mp4");
        Ffmpeg.record(session2, 10, "640x360");
        c = catalog(T0.plusSeconds(25), "s2", session2, "640x360");
        Path session3 = root.resolve(CAMERA + "/2026-03-01/d.mp4");
        Ffmpeg.record(session3, 5, "320x240");
        d = catalog(T0.plusSeconds(40), "s3", session3, "320x240");
    }

    @Test
    void aPlaylistAcrossTwoFilesPlaysInFfmpegForTheSpan() {
        String url = url("playback.m3u8", 7.5, 12.5);
        String m3u8 = given().get(url).then().statusCode(200)
                .contentType(HlsPlaylist.MEDIA_TYPE).extract().asString();

        assertThat(m3u8).startsWith("#EXTM3U\n#EXT-X-VERSION:7\n").endsWith("#EXT-X-ENDLIST\n")
                .contains("#EXT-X-MAP:URI=\"/api/recordings/" + a + "/media.mp4\"")
                .contains("#EXT-X-MAP:URI=\"/api/recordings/" + b + "/media.mp4\"")
                .contains("#EXT-X-PROGRAM-DATE-TIME:2026-03-01T12:00:07.000Z")
                .contains("#EXT-X-PROGRAM-DATE-TIME:2026-03-01T12:00:10.000Z")
                .doesNotContain("#EXT-X-DISCONTINUITY");
        assertThat(count(m3u8, "#EXTINF:")).isEqualTo(6);

        // exactly the command a user types: no demuxer options
        Ffmpeg.Run copy = Ffmpeg.ffmpeg("-v", "error", "-i", url, "-c", "copy", "-f", "null", "-");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.err()).isEmpty();
        assertCovers(packets(url), 7.5, 12.5);
    }

    @Test
    void aClipAcrossTwoFilesIsOnePlayableMp4ForTheSpan() throws IOException {
        Response response = given().get(url("clip.mp4", 7.5, 12.5));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("video/mp4");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"play-cam_2026-03-01_12-00-07_2026-03-01_12-00-12.mp4\"");
        assertThat(response.header("ETag")).matches("\"c[0-9a-f]{32}\"");
        byte[] clip = response.asByteArray();
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(clip.length));

        Path file = Files.write(Files.createTempFile("vigil-clip", ".mp4"), clip);
        assertPlaysCleanly(file);
        assertThat(duration(file)).isCloseTo(6.0, within(0.05));
        assertCovers(packets(file.toString()), 7.5, 12.5);
        // the same span asked again: the same bytes under the same tag
        Response again = given().get(url("clip.mp4", 7.5, 12.5));
        assertThat(again.header("ETag")).isEqualTo(response.header("ETag"));
        assertThat(again.asByteArray()).isEqualTo(clip);
    }

    @Test
    void aClipAcrossSessionsContinuesOneTimeline() throws IOException {
        // B's last 2.5 s, the gap, C's first 2.5 s: the gap is left out, C's restarted decode times moved on
        byte[] clip = given().get(url("clip.mp4", 17.5, 27.5)).then().statusCode(200).extract().asByteArray();

        Path file = Files.write(Files.createTempFile("vigil-clip", ".mp4"), clip);
        assertPlaysCleanly(file);
        assertThat(duration(file)).isCloseTo(6.0, within(0.05));
        List<double[]> packets = packets(file.toString());
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i)[0]).as("packet %d", i).isGreaterThan(packets.get(i - 1)[0]);
        }
        assertThat(packets.get(0)[0]).isZero();
    }

    @Test
    void aPlaylistAcrossSessionsMarksTheGapAndStillPlays() {
        String url = url("playback.m3u8", 17.5, 27.5);
        String m3u8 = given().get(url).then().statusCode(200).extract().asString();

        assertThat(count(m3u8, "#EXT-X-DISCONTINUITY\n")).isEqualTo(1);
        assertThat(m3u8).contains("#EXT-X-PROGRAM-DATE-TIME:2026-03-01T12:00:25.000Z");
        Ffmpeg.Run copy = Ffmpeg.ffmpeg("-v", "error", "-i", url, "-c", "copy", "-f", "null", "-");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
    }

    @Test
    void aClipAcrossAFormatChangeIsAConflictNamingTheInstant() {
        given().get(url("clip.mp4", 30, 42)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("2026-03-01T12:00:40Z"))
                .body("detail", containsString("playback.m3u8"));
        String m3u8 = given().get(url("playback.m3u8", 30, 42)).then().statusCode(200).extract().asString();
        assertThat(count(m3u8, "#EXT-X-DISCONTINUITY\n")).isEqualTo(1);
        given().get(url("clip.mp4", 40, 42)).then().statusCode(200);
    }

    @Test
    void clipsAndMediaAnswerIfNoneMatchWith304() {
        String clipTag = given().get(url("clip.mp4", 1, 3)).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", clipTag).get(url("clip.mp4", 1, 3)).then().statusCode(304);
        String otherTag = given().get(url("clip.mp4", 1, 4)).then().statusCode(200).extract().header("ETag");
        assertThat(otherTag).isNotEqualTo(clipTag);

        String media = "/api/recordings/" + a + "/media";
        Response whole = given().get(media);
        String tag = whole.header("ETag");
        assertThat(tag).startsWith("\"r" + a + "-");
        Response part = given().header("Range", "bytes=0-99").get(media);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.header("ETag")).isEqualTo(tag);
        assertThat(part.header("Accept-Ranges")).isEqualTo("bytes");
        given().header("If-None-Match", tag).get(media).then().statusCode(304).header("ETag", tag);
        given().header("If-None-Match", "W/" + tag + ", \"other\"").get(media).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(media).then().statusCode(200);
        given().header("If-None-Match", tag).header("Range", "bytes=0-99").get(media).then().statusCode(304);
        // a range of another version of the file would splice two versions: the whole file instead
        given().header("Range", "bytes=0-99").header("If-Range", "\"older\"").get(media).then().statusCode(200);
        given().header("Range", "bytes=0-99").header("If-Range", tag).get(media).then().statusCode(206);
        given().get("/api/recordings/" + b + "/media").then().header("ETag", org.hamcrest.Matchers.not(tag));
    }

    @Test
    void badSpansAre400NamingTheParameter() {
        bad("2026-03-01T12:00:10Z", "2026-03-01T12:00:05Z", "from");
        bad("2026-03-01T12:00:10Z", "2026-03-01T12:00:10Z", "from");
        bad("2026-03-01T00:00:00Z", "2026-03-02T00:00:01Z", "from");
        bad("noon", "2026-03-01T12:00:05Z", "from");
        bad("2026-03-01T12:00:00Z", "2026-03-01 12:05", "to");
        bad("../../etc/passwd", "2026-03-01T12:00:05Z", "from");
        for (String endpoint : List.of("playback.m3u8", "clip.mp4")) {
            given().queryParam("to", "2026-03-01T12:00:05Z").get("/api/cameras/" + CAMERA + "/" + endpoint)
                    .then().statusCode(400).body("field", is("from"));
            given().queryParam("from", "2026-03-01T12:00:05Z").get("/api/cameras/" + CAMERA + "/" + endpoint)
                    .then().statusCode(400).body("field", is("to"));
        }
        given().queryParam("from", "2026-03-01T00:00:00Z").queryParam("to", "2026-03-02T00:00:00Z")
                .get("/api/cameras/" + CAMERA + "/playback.m3u8").then().statusCode(200);
    }

    @Test
    void unknownCamerasAndSpansWithoutFootageAre404() {
        for (String endpoint : List.of("playback.m3u8", "clip.mp4")) {
            given().queryParam("from", "2026-03-01T12:00:20.500Z").queryParam("to", "2026-03-01T12:00:24Z")
                    .get("/api/cameras/" + CAMERA + "/" + endpoint).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", is("camera play-cam has no footage between 2026-03-01T12:00:20.500Z and 2026-03-01T12:00:24Z"));
            given().queryParam("from", "2026-03-01T12:00:00Z").queryParam("to", "2026-03-01T12:00:05Z")
                    .get("/api/cameras/play-nobody/" + endpoint).then().statusCode(404).body("detail", is("no camera play-nobody"));
            for (String id : List.of("..%2F..%2Fetc", "..", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "PLAY-CAM")) {
                int status = given().urlEncodingEnabled(false)
                        .get("/api/cameras/" + id + "/" + endpoint + "?from=2026-03-01T12:00:00Z&to=2026-03-01T12:00:05Z")
                        .then().extract().statusCode();
                assertThat(status).as(id).isIn(400, 404);
            }
        }
    }

    // ---- helpers ----

    /** A file of the given fragments of {@code source} behind {@code init}, under the camera's folder. */
    private Path write(String name, byte[] init, byte[] source, List<Fragment> fragments) throws IOException {
        Path file = root.resolve(CAMERA + "/2026-03-01/" + name);
        Files.createDirectories(file.getParent());
        try (var out = Files.newOutputStream(file)) {
            out.write(init);
            for (Fragment fragment : fragments) {
                out.write(source, (int) fragment.offset(), (int) fragment.size());
            }
        }
        return file;
    }

    /** Catalogs a file as the indexer would: its real fragment index, its span, session and format. */
    private long catalog(Instant start, String session, Path file, String size) throws IOException {
        Files.createDirectories(file.getParent());
        FragmentIndex index = FragmentIndexReader.read(file);
        Instant end = start.plus(index.durationMicros(), ChronoUnit.MICROS);
        String[] wh = size.split("x");
        String id = TestCatalog.single("""
                insert into recording (camera_id, path, start_time, end_time, duration_ms, bytes, codec, width, height,
                                       fps, session_id, fragment_index, indexed_at)
                values (?, ?, ?, ?, ?, ?, 'h264', ?, ?, 25.0, ?, ?, now())
                returning id""",
                CAMERA, root.relativize(file).toString(), start, end, index.durationMicros() / 1000, Files.size(file),
                Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), session, index.encode());
        return Long.parseLong(id);
    }

    private String url(String endpoint, double fromSeconds, double toSeconds) {
        return base.toString().replaceAll("/$", "") + "/api/cameras/" + CAMERA + "/" + endpoint
                + "?from=" + at(fromSeconds) + "&to=" + at(toSeconds);
    }

    private static Instant at(double secondsAfterT0) {
        return T0.plusMillis(Math.round(secondsAfterT0 * 1000));
    }

    private static void bad(String from, String to, String field) {
        for (String endpoint : List.of("playback.m3u8", "clip.mp4")) {
            given().queryParam("from", from).queryParam("to", to).get("/api/cameras/" + CAMERA + "/" + endpoint)
                    .then().statusCode(400).contentType("application/problem+json").body("field", is(field));
        }
    }

    private static void assertPlaysCleanly(Path file) {
        Ffmpeg.Run decode = Ffmpeg.ffmpeg("-v", "error", "-i", file.toString(), "-f", "null", "-");
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        assertThat(decode.err()).isEmpty();
    }

    private static double duration(Path file) {
        Ffmpeg.Run probe = Ffmpeg.ffprobe("-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString());
        assertThat(probe.exitCode()).as(probe.err()).isZero();
        return Double.parseDouble(probe.out().strip());
    }

    /** The video packets an input really delivers: {dts, pts, duration} in seconds, in read order. */
    private static List<double[]> packets(String input) {
        Ffmpeg.Run probe = Ffmpeg.ffprobe("-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=dts_time,pts_time,duration_time", "-of", "csv=p=0", input);
        assertThat(probe.exitCode()).as(probe.err()).isZero();
        return probe.out().lines().filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .map(v -> new double[] {v[1], v[0], v[2]})
                .toList();
    }

    /**
     * What was delivered starts at most one GOP before {@code from} and ends at most one GOP after
     * {@code to} (in media time from the first packet, so the span's length is what is checked).
     */
    private static void assertCovers(List<double[]> packets, double from, double to) {
        double first = packets.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double last = packets.stream().mapToDouble(p -> p[1] + p[2]).max().orElseThrow();
        double span = to - from;
        double keyframeBefore = Math.floor(from / GOP) * GOP;
        double delivered = last - first;
        // it starts at the keyframe at or before from, and runs at least to "to", at most a GOP past it
        assertThat(delivered).as("media delivered").isBetween(span, span + 2 * GOP);
        assertThat(delivered - (to - keyframeBefore)).as("end past to").isBetween(0.0, GOP);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
