package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.vigil.devstack.LocalStack;
import io.vigil.devstack.VigilService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Imports end to end (issue 8), run by {@link SpineTest} on its stack: VOD sources made by ffmpeg,
 * served by a local HTTP server, imported through {@code POST /api/imports} by the packaged services,
 * followed in {@code GET /api/imports/{id}} and judged by ffprobe as the gateway serves them —
 * catalogued as recordings of the given camera at the given wall-clock start, in the past, and kept by
 * the retention passes right after; a cancel; and an import whose ingest instance is killed, shown as
 * lost instead of running forever. The stack needs {@link #ENVIRONMENT}.
 */
final class ImportChecks implements AutoCloseable {

    /** Retention passes every few seconds, so that some run right after the imports are catalogued; lost imports seen soon. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "VIGIL_INDEXER_RETENTION_INTERVAL", "3s",
            "VIGIL_GATEWAY_IMPORT_LOST_AFTER", "10s");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A year and more before any run of this test: far beyond the default 7 days of retention. */
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private final LocalStack stack;
    private final SourceServer server;
    private final Path media;

    ImportChecks(LocalStack stack) throws IOException {
        this.stack = stack;
        this.media = ImportMedia.make(stack.workDir().resolve("sources"));
        this.server = SourceServer.serve(media);
    }

    @Override
    public void close() {
        server.close();
    }

    void vodHlsInTsAndFmp4AndAnMp4AreCataloguedAtTheirStartAndPlayAsCopied(Path downloads) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("imp-ts", "media/ts.m3u8");
        sources.put("imp-fmp4", "media/fmp4.m3u8");
        sources.put("imp-mp4", "media/clip.mp4");
        Map<String, String> ids = new LinkedHashMap<>();
        sources.forEach((camera, path) -> ids.put(camera, startImport(path, camera, START)));

        for (Map.Entry<String, String> source : sources.entrySet()) {
            String camera = source.getKey();
            JsonNode done = awaitImport(ids.get(camera), "complete");
            assertThat(done.path("reason").asText()).isEqualTo("complete");
            assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
            assertThat(done.path("bytes").asLong()).isPositive();
            assertThat(done.path("bytesPerSecond").asDouble()).isPositive();
            assertThat(done.path("etaSeconds").asDouble()).isZero();
            assertThat(Instant.parse(done.path("mediaStart").asText())).isEqualTo(START);
            assertThat(done.path("durationSeconds").asDouble()).isCloseTo(ImportMedia.SECONDS, within(0.5));

            List<JsonNode> recordings = awaitRecordings(camera, START, Instant.parse(done.path("mediaEnd").asText()));
            assertThat(Instant.parse(recordings.get(0).path("start").asText()))
                    .as("%s starts at the given wall-clock start", camera).isEqualTo(START);
            assertThat(recordings).allSatisfy(recording -> assertThat(recording.path("cameraId").asText()).isEqualTo(camera));

            // the file as the gateway serves it: the source's codec and length, every packet copied
            Path file = download(recordings.get(0), downloads);
            Path original = sourceFile(source.getValue());
            JsonNode probe = Ffprobe.probe(file);
            JsonNode video = stream(probe, "video");
            JsonNode sourceVideo = stream(Ffprobe.probe(original), "video");
            assertThat(video.path("codec_name").asText()).isEqualTo("h264");
            for (String field : List.of("profile", "level", "width", "height")) {
                assertThat(video.path(field).asText()).as("%s %s", camera, field).isEqualTo(sourceVideo.path(field).asText());
            }
            double span = probe.path("format").path("duration").asDouble() - probe.path("format").path("start_time").asDouble();
            assertThat(span).as("%s duration", camera).isCloseTo(ImportMedia.SECONDS, within(0.2));
            assertThat(Ffprobe.packets(file, "v:0")).as("%s video packets", camera).isEqualTo(Ffprobe.packets(original, "v:0"));
            assertThat(Ffprobe.decodeErrors(file)).as("%s decoding errors", camera).isEmpty();
            if (camera.equals("imp-ts")) {
                // AAC in MPEG-TS: the audio is copied too
                JsonNode audio = stream(probe, "audio");
                assertThat(audio.path("codec_name").asText()).isEqualTo("aac");
                assertThat(audio.path("sample_rate").asText()).isEqualTo("48000");
                // every AAC frame copied, but one the source starts with before the first video keyframe
                // (the muxer starts at that keyframe, as for a camera)
                long frames = Ffprobe.packets(original, "a:0");
                assertThat(Ffprobe.packets(file, "a:0")).as("AAC frames").isBetween(frames - 1, frames);
            }

            // playable through the camera's playlist at the import's wall-clock time
            String playlist = given().queryParam("from", START.toString())
                    .queryParam("to", START.plusSeconds(ImportMedia.SECONDS).toString())
                    .when().get("/api/cameras/{id}/playback.m3u8", camera)
                    .then().statusCode(200).extract().asString();
            assertThat(playlist).contains("#EXT-X-MAP", "#EXT-X-ENDLIST");
            double listed = playlist.lines().filter(line -> line.startsWith("#EXTINF:"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(8, line.indexOf(',')))).sum();
            assertThat(listed).as("%s playlist duration", camera).isCloseTo(ImportMedia.SECONDS, within(0.2));
            assertThat(done.path("playback").asText()).startsWith("/api/cameras/" + camera + "/playback.m3u8?from=");
        }
    }

    void importsDatedInThePastOutliveTheRetentionPassesAfterThem(Path downloads) throws IOException {
        List<JsonNode> kept = recordingsOrNone("imp-mp4", START);
        assertThat(kept).isNotEmpty();
        byte[] sample = Files.readAllBytes(download(kept.get(0), downloads));
        // two passes after the imports were catalogued: each deletes a file without a row older than the
        // default retention, put there after the one before was gone
        for (int pass = 1; pass <= 2; pass++) {
            Path control = stack.recordings().resolve("control/2020-01-0" + pass + "/control_2020-01-0" + pass + "_10-00-00.mp4");
            Files.createDirectories(control.getParent());
            Files.write(control, sample);
            Files.setLastModifiedTime(control, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
            await("retention pass " + pass + " deleting an old file without a row").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> !Files.exists(control));
        }

        for (String camera : List.of("imp-ts", "imp-fmp4", "imp-mp4")) {
            List<JsonNode> recordings = recordingsOrNone(camera, START);
            assertThat(recordings).as("%s is kept: its age counts from its import, not from %s", camera, START).isNotEmpty();
            given().when().get("/api/recordings/{id}/media", recordings.get(0).path("id").asLong()).then().statusCode(200);
        }
    }

    void aRunningImportShowsItsProgressAndACancelKeepsWhatItCopied(Path downloads) throws IOException {
        Instant start = Instant.parse("2025-07-01T12:00:00Z");
        String id = startImport("slow/long.mp4", "imp-cancel", start);

        JsonNode running = await("progress of a running import").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> view(id), now -> now.path("state").asText().equals("running")
                        && now.path("percent").asDouble() > 1 && now.path("etaSeconds").isNumber());
        assertThat(running.path("percent").asDouble()).isLessThan(100.0);
        assertThat(running.path("bytes").asLong()).isPositive();
        assertThat(running.path("bytesPerSecond").asDouble()).isPositive();
        assertThat(running.path("etaSeconds").asDouble()).isPositive();
        assertThat(running.path("durationSeconds").asDouble()).isCloseTo(ImportMedia.LONG_SECONDS, within(0.5));

        given().when().delete("/api/imports/{id}", id).then().statusCode(202).body("state", equalTo("cancelling"));
        JsonNode cancelled = awaitImport(id, "cancelled");
        assertThat(cancelled.path("reason").asText()).isEqualTo("user");
        Duration took = Duration.between(Instant.parse(cancelled.path("cancelRequestedAt").asText()),
                Instant.parse(cancelled.path("updatedAt").asText()));
        System.out.println("import cancel: stopped " + took.toMillis() + " ms after the DELETE");
        assertThat(took).as("a cancel stops the import within 5 s").isLessThan(Duration.ofSeconds(5));
        assertThat(cancelled.path("percent").asDouble()).isLessThan(100.0);

        // what was copied is catalogued, up to where the copy stopped
        Instant end = Instant.parse(cancelled.path("mediaEnd").asText());
        List<JsonNode> recordings = awaitRecordings("imp-cancel", start, end);
        assertThat(Instant.parse(recordings.get(0).path("start").asText())).isEqualTo(start);
        Path file = download(recordings.get(recordings.size() - 1), downloads);
        assertThat(Ffprobe.decodeErrors(file)).isEmpty();
        assertThat(stream(Ffprobe.probe(file), "video").path("codec_name").asText()).isEqualTo("h264");
    }

    void anImportWhoseIngestInstanceIsKilledIsShownLostNotRunningForever() {
        Instant start = Instant.parse("2025-08-01T06:00:00Z");
        String id = startImport("slow/long.mp4", "imp-crash", start);
        await("the import running").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> view(id), now -> now.path("state").asText().equals("running") && now.path("mediaSeconds").asDouble() > 3);

        stack.service(VigilService.INGEST).kill();
        long killed = System.nanoTime();

        JsonNode lost = awaitImport(id, "error");
        System.out.println("import lost: shown " + Duration.ofNanos(System.nanoTime() - killed).toSeconds()
                + " s after the kill -9 (lost after 10 s)");
        assertThat(lost.path("reason").asText()).isEqualTo("error");
        assertThat(lost.path("error").asText()).isEqualTo("failure");
        assertThat(lost.path("message").asText()).startsWith("ingest instance lost");
        given().when().delete("/api/imports/{id}", id).then().statusCode(409);

        // what reached Kafka before the crash is catalogued
        List<JsonNode> recordings = await("the copied part catalogued").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> recordingsOrNone("imp-crash", start), found -> !found.isEmpty());
        assertThat(Instant.parse(recordings.get(0).path("start").asText())).isEqualTo(start);
    }

    private String startImport(String path, String camera, Instant start) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", server.url(path), "cameraId", camera, "start", start.toString()))
                .when().post("/api/imports")
                .then().statusCode(202).body("cameraId", equalTo(camera)).extract().path("id");
    }

    private static JsonNode view(String id) {
        return given().when().get("/api/imports/{id}", id).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static JsonNode awaitImport(String id, String state) {
        JsonNode found = await("import " + id + " " + state).atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> view(id), now -> List.of("complete", "error", "cancelled").contains(now.path("state").asText()));
        assertThat(found.path("state").asText()).as("import %s: %s", id, found).isEqualTo(state);
        return found;
    }

    /** The camera's recordings once they reach {@code end} (the last file closed and catalogued), oldest first. */
    private static List<JsonNode> awaitRecordings(String camera, Instant start, Instant end) {
        return await(camera + " catalogued to " + end).atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> recordingsOrNone(camera, start), found -> !found.isEmpty()
                        && !Instant.parse(found.get(found.size() - 1).path("end").asText()).isBefore(end.minusMillis(100)));
    }

    /** The camera's recordings of the day after {@code start}; before the first is catalogued the id is unknown (404): none yet. */
    private static List<JsonNode> recordingsOrNone(String camera, Instant start) {
        var response = given().queryParam("from", start.minus(Duration.ofHours(1)).toString())
                .queryParam("to", start.plus(Duration.ofDays(1)).toString())
                .when().get("/api/cameras/{id}/recordings", camera);
        if (response.statusCode() == 404) {
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        response.then().statusCode(200).extract().as(JsonNode.class).forEach(list::add);
        list.sort(Comparator.comparing(recording -> Instant.parse(recording.path("start").asText())));
        return list;
    }

    private static Path download(JsonNode recording, Path dir) throws IOException {
        byte[] bytes = given().when().get("/api/recordings/{id}/media", recording.path("id").asLong())
                .then().statusCode(200).extract().asByteArray();
        return Files.write(dir.resolve("recording-" + recording.path("id").asLong() + ".mp4"), bytes);
    }

    /** The source for ffprobe: an HLS playlist read from its directory, an MP4 as it is. */
    private Path sourceFile(String path) {
        return media.resolve(path.substring(path.indexOf('/') + 1));
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asText().equals(type)) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }
}
