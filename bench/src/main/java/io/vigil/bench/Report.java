package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The run's results as Markdown tables (bench/README.md shows a run's file as is). */
final class Report {

    private final Settings settings;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String machine;
    private SourceClip clip;
    private SourceCheck check;
    private final List<CpuResult> cpu = new ArrayList<>();
    private LatencyResult latency;
    private PreRollResult preRoll;
    private DetectionResult detection;
    private final List<String> notes = new ArrayList<>();

    Report(Settings settings) {
        this.settings = settings;
        this.machine = machine(settings.services());
    }

    void source(SourceClip clip, SourceCheck check) {
        this.clip = clip;
        this.check = check;
    }

    void cpu(CpuResult result) {
        cpu.add(result);
    }

    void latency(LatencyResult result) {
        latency = result;
    }

    void preRoll(PreRollResult result) {
        preRoll = result;
    }

    void detection(DetectionResult result) {
        detection = result;
    }

    void note(String note) {
        notes.add(note);
    }

    void write(Path file) throws IOException {
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Vigil benchmark run ").append(started).append(settings.quick() ? " (--quick)" : "").append("\n\n");
        md.append(machine).append("\n");
        md.append(String.format(Locale.ROOT, "Warm-up %d s, measured window %d s per row; CPU %% of one core (200 = both cores of this machine).%n%n",
                settings.warmup().toSeconds(), settings.window().toSeconds()));
        if (clip != null && check != null) {
            md.append("## Source (looped pre-made clip over RTSP)\n\n");
            md.append(String.format(Locale.ROOT, "Clip: %.0f s, H.264 payload %.2f Mbit/s. What ffprobe received from `cam1` over RTSP/TCP:%n%n",
                    clip.seconds(), clip.bitrate() / 1e6));
            md.append("| codec | size | frame rate | frames | seconds | fps | keyframes | keyframe gap min–max | bitrate | verdict |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| %s | %dx%d | %s | %d | %.1f | %.2f | %d | %.3f–%.3f s | %.2f Mbit/s | %s |%n%n",
                    check.codec(), check.width(), check.height(), check.frameRate(), check.frames(), check.seconds(), check.fps(),
                    check.keyframes(), check.minKeyGap(), check.maxKeyGap(), check.bitrate() / 1e6,
                    check.ok() ? "ok" : "FAILED: " + String.join(", ", check.problems())));
        }
        if (!cpu.isEmpty()) {
            md.append("## Ingest CPU and memory per camera\n\n");
            md.append("| cameras | system | CPU % | CPU % per camera | RSS MB | RSS MB per camera | per camera | source CPU % | Kafka CPU % | notes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (CpuResult row : cpu) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | **%s** | %.0f | %s%s | %s | %.1f | %s | %s |%n",
                        row.cameras(), row.system(), row.cpuPercent(), number(row.cpuPerCamera(), 2), row.rssKb() / 1024.0,
                        number(row.rssPerCameraMb(), 1),
                        row.baseRssKb() > 0 ? String.format(Locale.ROOT, " (+%.0f base)", row.baseRssKb() / 1024.0) : "",
                        row.throughput(), row.sourceCpu(), row.kafkaCpu() == null ? "–" : String.format(Locale.ROOT, "%.1f", row.kafkaCpu()),
                        row.note()));
            }
            md.append("\n");
            ratios(md);
        }
        if (latency != null) {
            md.append("## Trigger → first pre-roll byte on disk\n\n");
            md.append("| cameras | counted triggers | p50 ms | p99 ms (target < 300) | max ms | missed | first trigger per camera ms | pre-roll in the file: median (min) s | notes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | **%s** | %s | %d | %s | %s (%s) of %d | %s |%n%n",
                    latency.cameras(), latency.latenciesMs().size(), number(latency.p50(), 0), number(latency.p99(), 0),
                    number(Stats.max(latency.latenciesMs()), 0), latency.missed(),
                    latency.warmupMs().stream().map(ms -> number(ms, 0)).toList(),
                    number(Stats.median(latency.preRolls()), 2), number(Stats.min(latency.preRolls()), 2),
                    latency.preRollSeconds(), latency.note()));
        }
        if (preRoll != null) {
            md.append("## Pre-roll memory\n\n");
            md.append("| cameras | pre-roll | stream | bytes ÷ (bitrate × s): mean / max (target ≤ 1.1) | seconds held: mean / max | drops | live heap 0 s → full | heap ÷ (N × bitrate × s) | RSS 0 s → full | RSS ÷ (N × bitrate × s) | notes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| %d | %d s | %.2f Mbit/s | **%s** / %s | %s / %s | %d | %.1f → %.1f MB | %.2f | %.0f → %.0f MB | %.2f | %s |%n%n",
                    preRoll.cameras(), preRoll.preRollSeconds(), preRoll.bitrate() / 1e6,
                    number(Stats.mean(preRoll.ratios()), 3), number(Stats.max(preRoll.ratios()), 3),
                    number(Stats.mean(preRoll.held()), 2), number(Stats.max(preRoll.held()), 2), preRoll.drops(),
                    preRoll.heapZero() / 1048576.0, preRoll.heapFull() / 1048576.0, preRoll.heapRatio(),
                    preRoll.rssZeroKb() / 1024.0, preRoll.rssFullKb() / 1024.0, preRoll.rssRatio(), preRoll.note()));
            md.append("Pre-roll metrics at the end (sums over cameras): `").append(preRoll.metrics()).append("`\n\n");
        }
        if (detection != null) {
            md.append("## Motion → event (live test camera, GOP 1 s)\n\n");
            md.append("| scene switches | event.started on Kafka after the switch: median / max s | time it reports after the switch: median / max s | missed | notes |\n");
            md.append("|---|---|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| %d | %s / %s | %s / %s | %d | %s |%n%n",
                    detection.arrivedSeconds().size() + detection.missed(),
                    number(Stats.median(detection.arrivedSeconds()), 2), number(Stats.max(detection.arrivedSeconds()), 2),
                    number(Stats.median(detection.reportedSeconds()), 2), number(Stats.max(detection.reportedSeconds()), 2),
                    detection.missed(), detection.note()));
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append("\n"));
        }
        return md.toString();
    }

    /**
     * Vigil per camera against the baselines, per camera count: the targets of the issue. Also motion
     * off above the idle JVM's own cost, (CPU(N) − CPU(0)) ÷ N: what each further camera adds.
     */
    private void ratios(StringBuilder md) {
        List<Double> idles = cpu.stream().filter(row -> row.key().equals(IngestRun.IDLE)).map(CpuResult::cpuPercent).toList();
        Optional<Double> idle = idles.isEmpty() ? Optional.empty() : Optional.of(Stats.median(idles));
        md.append("### Against the baselines (CPU per camera")
                .append(settings.repeat() > 1 ? ", median of " + settings.repeat() + " rounds" : "").append(")\n\n");
        md.append("| cameras | (a) copy | (b) Frigate-style | motion off | off ÷ (a) (target ≤ 1.0) | off above the idle JVM ÷ (a) | motion on, events | events ÷ (b) (target ≤ 0.2) | motion on, continuous | continuous ÷ (b) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int cameras : settings.cameraCounts()) {
            Optional<Double> a = perCamera(cameras, Baseline.COPY.name());
            Optional<Double> b = perCamera(cameras, Baseline.FRIGATE.name());
            Optional<Double> off = perCamera(cameras, IngestVariant.MOTION_OFF.name());
            Optional<Double> marginal = off.flatMap(perCamera -> idle.map(jvm -> perCamera - jvm / cameras));
            Optional<Double> events = perCamera(cameras, IngestVariant.MOTION_EVENTS.name());
            Optional<Double> continuous = perCamera(cameras, IngestVariant.MOTION_CONTINUOUS.name());
            md.append("| ").append(cameras).append(" | ").append(value(a)).append(" | ").append(value(b)).append(" | ")
                    .append(value(off)).append(" | **").append(ratio(off, a)).append("** | ").append(ratio(marginal, a)).append(" | ")
                    .append(value(events)).append(" | **").append(ratio(events, b)).append("** | ")
                    .append(value(continuous)).append(" | ").append(ratio(continuous, b)).append(" |\n");
        }
        md.append("\n");
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The median over the rounds of a run. */
    private Optional<Double> perCamera(int cameras, String key) {
        List<Double> values = cpu.stream().filter(row -> row.cameras() == cameras && row.key().equals(key))
                .map(CpuResult::cpuPerCamera).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.median(values));
    }

    private static String value(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.2f %%", v)).orElse("–");
    }

    private static String ratio(Optional<Double> part, Optional<Double> whole) {
        return part.isPresent() && whole.isPresent() && whole.get() > 0
                ? String.format(Locale.ROOT, "%.2f×", part.get() / whole.get()) : "–";
    }

    private static String machine(Path repository) {
        String cpu = "unknown CPU";
        String load = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // described as unknown
        }
        String revision;
        try {
            revision = Commands.output(List.of("git", "-C", repository.toString(), "describe", "--always", "--dirty"),
                    Map.of(), Duration.ofSeconds(10)).trim();
        } catch (RuntimeException e) {
            revision = "not a git checkout";
        }
        long memory = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "Machine: %s, %d cores; load average %s at the start. Services packaged from %s (%s).%n",
                cpu, memory, load, repository, revision);
    }
}
