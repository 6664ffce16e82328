package io.vigil.bench;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.PreRollStats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What pre-roll costs in memory. Cameras in mode events with motion off (no event ever starts, so
 * the buffers only fill), first with pre-roll 0, then with {@link #PRE_ROLL_SECONDS}, each in a
 * fresh ingest JVM; after the buffers are full, the statuses' pre-roll statistics are sampled for
 * the window, then a full GC gives the live heap.
 */
final class PreRollMemory {

    static final int PRE_ROLL_SECONDS = 10;
    static final String METRICS_PREFIX = "vigil_ingest_preroll_";

    private record Measurement(List<Double> ratios, List<Double> held, long drops, long heap, long rssKb, String metrics) {
    }

    private PreRollMemory() {
    }

    static PreRollResult run(Rig rig) throws Exception {
        int cameras = rig.settings().preRollCameras();
        Measurement zero = measure(rig, cameras, 0);
        Measurement full = measure(rig, cameras, PRE_ROLL_SECONDS);
        String note = full.ratios().isEmpty() || full.ratios().stream().allMatch(ratio -> ratio == 0)
                ? "no pre-roll reported in the camera status: this ingest-service keeps none (yet)" : "";
        return new PreRollResult(cameras, PRE_ROLL_SECONDS, rig.clip().bitrate(), full.ratios(), full.held(), full.drops(),
                zero.heap(), full.heap(), zero.rssKb(), full.rssKb(), full.metrics(), note);
    }

    private static Measurement measure(Rig rig, int cameras, int preRollSeconds) throws Exception {
        List<String> ids = IngestRun.cameraIds(cameras);
        double expected = rig.clip().bitrate() / 8 * preRollSeconds;
        try (ServiceJvm ingest = rig.ingest("ingest-preroll-" + preRollSeconds, Map.of())) {
            rig.statuses().clear();
            for (int n = 1; n <= cameras; n++) {
                rig.publisher().config(rig.publisher().camera(ids.get(n - 1), rig.cameras().url(n), CameraMode.EVENTS, false,
                        preRollSeconds, CameraConfig.DEFAULT_POST_ROLL_SECONDS));
            }
            if (!rig.statuses().awaitStreaming(ids, Duration.ofSeconds(60 + cameras))) {
                throw new IllegalStateException("the pre-roll cameras did not all stream; see " + ingest.log());
            }
            Duration fill = Duration.ofSeconds(preRollSeconds + 5);
            Commands.sleep(fill.compareTo(rig.settings().warmup()) > 0 ? fill : rig.settings().warmup());

            List<Double> ratios = new ArrayList<>();
            List<Double> held = new ArrayList<>();
            long drops = 0;
            Set<String> seen = new HashSet<>();
            long end = System.nanoTime() + rig.settings().window().toNanos();
            while (System.nanoTime() < end) {
                for (Map.Entry<String, StatusWatcher.Seen> entry : rig.statuses().latest().entrySet()) {
                    Instant updated = entry.getValue().status().updatedAt();
                    if (ids.contains(entry.getKey()) && seen.add(entry.getKey() + "@" + updated)) {
                        PreRollStats stats = entry.getValue().status().preRoll();
                        if (preRollSeconds > 0) {
                            ratios.add(stats.bytes() / expected);
                        }
                        held.add(stats.seconds());
                        drops = Math.max(drops, stats.drops());
                    }
                }
                Commands.sleep(Duration.ofMillis(500));
            }
            String metrics = ingest.metrics().sumsByName(METRICS_PREFIX).toString();
            ingest.collectGarbage();
            Commands.sleep(Duration.ofSeconds(1));
            long heap = (long) ingest.metrics().sum("jvm_memory_used_bytes", "area", "heap");
            return new Measurement(ratios, held, drops, heap, ingest.rssKb(), metrics);
        } finally {
            for (String id : ids) {
                rig.publisher().remove(id);
            }
        }
    }
}
