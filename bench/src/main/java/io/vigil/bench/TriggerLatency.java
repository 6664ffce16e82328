package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.Trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Trigger → first pre-roll byte written by the recorder (ingest + Kafka + recorder, as deployed).
 * Cameras in mode events with motion off, so only our external triggers start events; each trigger
 * (a moment: duration 0) starts a new event, whose recording is a new file. The clock starts just
 * before the trigger is handed to Kafka and stops when the new file under the camera's folder has
 * its first byte, polled every 2 ms. Triggers go round the cameras; one camera gets one every
 * {@link #PER_CAMERA_SPACING}, longer than pre-roll + post-roll + a GOP, so each event starts with
 * a full pre-roll and none joins the previous one.
 */
final class TriggerLatency {

    static final int CAMERAS = 4;
    static final int PRE_ROLL_SECONDS = 5;
    static final int POST_ROLL_SECONDS = 2;
    static final Duration PER_CAMERA_SPACING = Duration.ofSeconds(10);
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sample(String camera, Instant time, Path file, double millis) {
    }

    private TriggerLatency() {
    }

    static LatencyResult run(Rig rig) throws Exception {
        Path recordings = rig.work().resolve("recordings-latency");
        Files.createDirectories(recordings);
        List<String> ids = IngestRun.cameraIds(CAMERAS);
        rig.forgetMedia();
        try (ServiceJvm recorder = rig.recorder("recorder-latency", recordings);
             ServiceJvm ingest = rig.ingest("ingest-latency", Map.of())) {
            rig.statuses().clear();
            for (int n = 1; n <= CAMERAS; n++) {
                rig.publisher().config(rig.publisher().camera(ids.get(n - 1), rig.cameras().url(n), CameraMode.EVENTS, false,
                        PRE_ROLL_SECONDS, POST_ROLL_SECONDS));
            }
            if (!rig.statuses().awaitStreaming(ids, Duration.ofSeconds(60))) {
                throw new IllegalStateException("the latency cameras did not all stream; see " + ingest.log());
            }
            // a full pre-roll in every buffer
            Commands.sleep(Duration.ofSeconds(PRE_ROLL_SECONDS + 3));

            List<Sample> warmups = new ArrayList<>();
            List<Sample> samples = new ArrayList<>();
            int missed = 0;
            long interval = PER_CAMERA_SPACING.toNanos() / CAMERAS;
            long next = System.nanoTime();
            for (int i = 0; i < CAMERAS + rig.settings().triggers(); i++) {
                String camera = ids.get(i % CAMERAS);
                Commands.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                next += interval;
                Sample sample = trigger(rig, recordings.resolve(camera), camera);
                if (i < CAMERAS) {
                    warmups.add(sample);
                    if (i == CAMERAS - 1 && warmups.stream().allMatch(one -> one.file() == null)) {
                        return new LatencyResult(CAMERAS, PRE_ROLL_SECONDS, List.of(), List.of(), rig.settings().triggers(), List.of(),
                                "no event file appeared after any warm-up trigger: this ingest-service does not record events (yet)");
                    }
                } else if (sample.file() == null) {
                    missed++;
                } else {
                    samples.add(sample);
                }
            }
            // let the last events end, so their journals are complete
            Commands.sleep(Duration.ofSeconds(POST_ROLL_SECONDS + 3));
            List<Double> preRolls = new ArrayList<>();
            for (Sample sample : samples) {
                Instant start = fileStart(sample.file());
                if (start != null) {
                    preRolls.add(Duration.between(start, sample.time()).toMillis() / 1000.0);
                }
            }
            return new LatencyResult(CAMERAS, PRE_ROLL_SECONDS, samples.stream().map(Sample::millis).toList(),
                    warmups.stream().filter(one -> one.file() != null).map(Sample::millis).toList(), missed, preRolls, "");
        } finally {
            for (String id : ids) {
                rig.publisher().remove(id);
            }
            Dirs.delete(recordings);
        }
    }

    private static Sample trigger(Rig rig, Path cameraDir, String camera) throws IOException {
        Set<Path> known = mediaFiles(cameraDir);
        Instant time = Instant.now();
        long t0 = System.nanoTime();
        rig.publisher().trigger(new Trigger(Trigger.VERSION, camera, UUID.randomUUID().toString(), time, 0, "bench"));
        long deadline = t0 + FILE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Path file : mediaFiles(cameraDir)) {
                if (!known.contains(file) && sizeOf(file) > 0) {
                    return new Sample(camera, time, file, (System.nanoTime() - t0) / 1e6);
                }
            }
            Commands.sleep(Duration.ofMillis(2));
        }
        return new Sample(camera, time, null, Double.NaN);
    }

    /** 0 for a file gone meanwhile (recovery deletes a newest file that never got a piece). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code <camera>/<yyyy-MM-dd>/*.mp4} (recorder-service's layout). */
    private static Set<Path> mediaFiles(Path cameraDir) throws IOException {
        Set<Path> files = new HashSet<>();
        if (!Files.isDirectory(cameraDir)) {
            return files;
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(cameraDir, Files::isDirectory)) {
            for (Path day : days) {
                try (DirectoryStream<Path> media = Files.newDirectoryStream(day, "*.mp4")) {
                    media.forEach(files::add);
                } catch (java.nio.file.NoSuchFileException e) {
                    // a day folder removed meanwhile
                }
            }
        }
        return files;
    }

    /** The start of the file's first piece, from its journal's header line. */
    private static Instant fileStart(Path file) {
        Path journal = file.resolveSibling(file.getFileName() + ".pieces");
        try (BufferedReader reader = Files.newBufferedReader(journal)) {
            JsonNode header = JSON.readTree(reader.readLine());
            return header.hasNonNull("start") ? Instant.parse(header.get("start").asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
