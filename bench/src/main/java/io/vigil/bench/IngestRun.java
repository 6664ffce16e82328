package io.vigil.bench;

import io.vigil.contracts.RecordingState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the packaged ingest-service with {@code cameras} bench cameras in one {@link IngestVariant}.
 * A fresh JVM per measurement: its footprint before any camera is the base its per-camera memory is
 * counted from. Cameras are registered as the gateway would, on {@code vigil.camera-config}, and
 * removed (tombstones) afterwards, so the next JVM replaying the topic starts none of them.
 */
final class IngestRun {

    static final String PIECES = "vigil_ingest_published_pieces_total";

    private IngestRun() {
    }

    /** The JVM with no camera at all: what it costs before the first camera (Quarkus, Kafka clients, timers). */
    static CpuResult idle(Rig rig) throws Exception {
        return measure(rig, IDLE, "(c) Vigil ingest, no camera (the JVM's own cost)", IngestVariant.MOTION_OFF, 0);
    }

    static CpuResult run(Rig rig, IngestVariant variant, int cameras) throws Exception {
        return measure(rig, variant.name(), variant.label(), variant, cameras);
    }

    static final String IDLE = "IDLE";

    private static CpuResult measure(Rig rig, String key, String label, IngestVariant variant, int cameras) throws Exception {
        Settings settings = rig.settings();
        List<String> ids = cameraIds(cameras);
        try (ServiceJvm ingest = rig.ingest("ingest-" + key.toLowerCase(Locale.ROOT) + "-" + cameras, Map.of())) {
            Commands.sleep(Duration.ofSeconds(3));
            long baseRss = ingest.rssKb();
            rig.statuses().clear();
            for (int n = 1; n <= cameras; n++) {
                rig.publisher().config(rig.publisher().camera(ids.get(n - 1), rig.cameras().url(n), variant.mode(), variant.motion(),
                        io.vigil.contracts.CameraConfig.DEFAULT_PRE_ROLL_SECONDS, io.vigil.contracts.CameraConfig.DEFAULT_POST_ROLL_SECONDS));
            }
            List<String> notes = new ArrayList<>();
            if (!rig.statuses().awaitStreaming(ids, Duration.ofSeconds(60 + cameras))) {
                notes.add("not every camera reported streaming within " + (60 + cameras) + " s (see " + ingest.log() + ")");
            }
            Commands.sleep(settings.warmup());
            Metrics before = ingest.metrics();
            long start = System.nanoTime();
            Map<Long, Pidstat.Usage> usage = Pidstat.measure(List.of(ingest.pid(), rig.cameras().pid(), rig.kafkaPid()), settings.window());
            double seconds = (System.nanoTime() - start) / 1e9;
            Metrics after = ingest.metrics();
            double pieces = (after.sum(PIECES) - before.sum(PIECES)) / seconds / cameras;
            long recording = rig.statuses().latest().entrySet().stream()
                    .filter(seen -> ids.contains(seen.getKey()) && seen.getValue().status().recordingState() == RecordingState.RECORDING)
                    .count();
            if (variant.motion() && cameras > 0) {
                notes.add(recording + " of " + cameras + " cameras recording an event at the end");
            }
            Pidstat.Usage jvm = usage.get(ingest.pid());
            if (jvm == null) {
                throw new IllegalStateException("ingest-service ended during the measurement; see " + ingest.log());
            }
            Pidstat.Usage source = usage.get(rig.cameras().pid());
            Pidstat.Usage kafka = usage.get(rig.kafkaPid());
            return new CpuResult(key, label, cameras, jvm.cpuPercent(), jvm.rssKb(), baseRss,
                    cameras == 0 ? "–" : String.format(Locale.ROOT, "%.2f pieces/s", pieces), source == null ? Double.NaN : source.cpuPercent(),
                    kafka == null ? null : kafka.cpuPercent(), String.join("; ", notes));
        } finally {
            for (String id : ids) {
                rig.publisher().remove(id);
            }
        }
    }

    static List<String> cameraIds(int cameras) {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= cameras; n++) {
            ids.add("cam" + n);
        }
        return ids;
    }
}
