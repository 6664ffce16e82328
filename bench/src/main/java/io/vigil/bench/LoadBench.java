package io.vigil.bench;

import io.vigil.devstack.Database;
import io.vigil.devstack.LocalStack;
import io.vigil.devstack.VigilService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The load test behind {@code ./vigil bench} ({@code bench/run.sh load}): the whole stack as {@code ./vigil
 * up} runs it (Kafka, PostgreSQL, the four packaged services) records N looped cameras (default 32) in
 * mode continuous for M minutes (default 10) while every part's CPU and memory are sampled from /proc.
 * Then the cameras are switched off and every piece that reached Kafka is looked for on the volume and in
 * the catalog: the run fails (exit 1) when a single one is missing, doubled or half written.
 * Results: {@code <out>/results.md}. See bench/README.md.
 */
public final class LoadBench {

    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private LoadBench() {
    }

    public static void main(String[] args) {
        KAFKA_LOG.setLevel(java.util.logging.Level.SEVERE);
        LoadSettings settings;
        try {
            settings = LoadSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            LoadResult result = run(settings);
            System.out.println(result.markdown());
            if (!result.lossless()) {
                System.err.println("FAILED: pieces that reached Kafka are missing from the recordings: " + result.losses());
                System.exit(1);
            }
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static LoadResult run(LoadSettings settings) throws Exception {
        Path work = settings.out().resolve("work");
        Files.createDirectories(work.resolve("logs"));
        Path results = settings.out().resolve("results.md");
        String loadBefore = Machine.uptime();
        Bench.log("load before: " + loadBefore);
        Bench.log("preparing the source clip");
        SourceClip clip = SourceClip.make(settings.repository().resolve("bench/target/source"), FfmpegTools.ffprobe());
        List<String> cameraIds = IntStream.rangeClosed(1, settings.cameras()).mapToObj(i -> "load-" + i).toList();
        try (LoopedCameras cameras = LoopedCameras.start(settings.repository().resolve("bench/camera/looped_cameras.py"), clip,
                settings.cameras(), work.resolve("logs/cameras.log"))) {
            Bench.log("starting Kafka, PostgreSQL and the four services");
            try (LocalStack stack = LocalStack.builder().repository(settings.repository()).workDir(work.resolve("stack"))
                    // the file of a camera switched off closes soon, so the check need not wait long
                    .environment(VigilService.RECORDER, "VIGIL_RECORDER_IDLE_CLOSE", "5s")
                    .start();
                 ServiceSampler sampler = new ServiceSampler(parts(settings, stack))) {
                GatewayCameras api = new GatewayCameras(stack.gatewayUrl(), stack.adminApiKey());
                Instant started = Instant.now();
                sampler.start(SAMPLE_EVERY.toSeconds());
                Bench.log("registering " + settings.cameras() + " cameras (continuous, 60 s files, motion off)");
                for (int i = 0; i < cameraIds.size(); i++) {
                    api.add(cameraIds.get(i), cameras.url(i + 1));
                }
                awaitEveryCameraRecording(stack.recordings(), cameraIds);
                Bench.log("all cameras recording; recording for " + minutes(settings.duration()));
                Instant end = started.plus(settings.duration());
                while (Instant.now().isBefore(end)) {
                    Thread.sleep(Math.min(60_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
                    Bench.log(minutes(Duration.between(started, Instant.now())) + " of " + minutes(settings.duration()));
                    if (!cameras.isAlive()) {
                        throw new IllegalStateException("the looped cameras died; see " + work.resolve("logs/cameras.log"));
                    }
                }
                List<ServiceSampler.Usage> usage = sampler.stop();
                double window = sampler.windowSeconds();
                Bench.log("switching the cameras off and checking every published piece");
                for (int i = 0; i < cameraIds.size(); i++) {
                    api.switchOff(cameraIds.get(i), cameras.url(i + 1));
                }
                Database database = stack.database().orElseThrow();
                try (Connection catalog = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
                    awaitFilesClosedAndCatalogued(stack.recordings(), cameraIds, catalog);
                    Map<String, Set<MediaLedger.PieceId>> published = MediaLedger.read(stack.kafka().bootstrapServers());
                    List<RecordingsCheck> checks = awaitEveryPieceCatalogued(stack.recordings(), cameraIds, published, catalog);
                    LoadResult result = new LoadResult(settings, window, usage, checks, loadBefore, Machine.uptime(), Machine.commit(settings.repository()));
                    Files.writeString(results, result.markdown());
                    Bench.log("load after: " + result.loadAfter());
                    Bench.log("results: " + results);
                    return result;
                }
            }
        }
    }

    /** The parts of this stack, each recognised by its own command line (other stacks may run on the machine). */
    private static List<ServiceSampler.Part> parts(LoadSettings settings, LocalStack stack) {
        List<ServiceSampler.Part> parts = new ArrayList<>();
        for (VigilService service : VigilService.values()) {
            String jar = settings.repository().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar").toString();
            parts.add(new ServiceSampler.Part(service.module(), line -> line.contains(jar) && line.startsWith("/") && line.contains("java")));
        }
        String kafkaDir = stack.kafka().logDir().toString();
        parts.add(new ServiceSampler.Part("Kafka broker", line -> line.contains("kafka.Kafka") && line.contains(kafkaDir)));
        String postgresPort = "\0-p\0" + stack.postgres().orElseThrow().port() + "\0";
        parts.add(new ServiceSampler.Part("PostgreSQL", line -> line.split("\0", 2)[0].endsWith("/postgres") && line.contains(postgresPort)));
        parts.add(new ServiceSampler.Part("looped cameras", line -> line.contains("looped_cameras.py")
                && line.contains(settings.repository().toString())));
        return parts;
    }

    private static void awaitEveryCameraRecording(Path recordings, List<String> cameraIds) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<String> waiting = cameraIds.stream().filter(camera -> !hasFile(recordings.resolve(camera))).toList();
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(waiting.size() + " cameras never wrote a file within " + minutes(PATIENCE) + ": " + waiting);
            }
            Thread.sleep(2000);
        }
    }

    private static boolean hasFile(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.anyMatch(path -> path.getFileName().toString().endsWith(".mp4"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Once no camera streams any more, each file on the volume gets its row: wait until that holds for 15 s running. */
    private static void awaitFilesClosedAndCatalogued(Path recordings, List<String> cameraIds, Connection catalog) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant settledSince = null;
        while (true) {
            boolean settled = true;
            for (String camera : cameraIds) {
                if (files(recordings.resolve(camera)) != rows(catalog, camera)) {
                    settled = false;
                    break;
                }
            }
            if (settled) {
                settledSince = settledSince == null ? Instant.now() : settledSince;
                if (Duration.between(settledSince, Instant.now()).toSeconds() >= 15) {
                    return;
                }
            } else {
                settledSince = null;
            }
            if (Instant.now().isAfter(deadline)) {
                Bench.log("the files on disk and the catalog rows still differ after " + minutes(PATIENCE) + "; checking as they are");
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static List<RecordingsCheck> awaitEveryPieceCatalogued(Path recordings, List<String> cameraIds,
                                                                   Map<String, Set<MediaLedger.PieceId>> published, Connection catalog)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<RecordingsCheck> checks = new ArrayList<>();
            for (String camera : cameraIds) {
                checks.add(RecordingsCheck.of(camera, published.getOrDefault(camera, Set.of()), recordings, catalog));
            }
            if (checks.stream().allMatch(RecordingsCheck::lossless) || Instant.now().isAfter(deadline)) {
                return checks;
            }
            Thread.sleep(2000);
        }
    }

    private static long files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".mp4")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rows(Connection catalog, String camera) throws Exception {
        try (PreparedStatement query = catalog.prepareStatement("select count(*) from recording where camera_id = ?")) {
            query.setString(1, camera);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static String minutes(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%d:%02d min", duration.toMinutes(), duration.toSecondsPart());
    }
}
