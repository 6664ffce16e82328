package io.vigil.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures one ffmpeg baseline with {@code cameras} processes, on the bench cameras. */
final class BaselineRun {

    private BaselineRun() {
    }

    static CpuResult run(Rig rig, Baseline baseline, int cameras) throws Exception {
        Settings settings = rig.settings();
        Path dir = rig.work().resolve(baseline.name().toLowerCase(Locale.ROOT) + "-" + cameras);
        try (FfmpegFleet fleet = FfmpegFleet.start(baseline, rig.ffmpeg(), rig.cameras(), cameras, dir)) {
            Commands.sleep(settings.warmup());
            long framesBefore = fleet.frames();
            long start = System.nanoTime();
            List<Long> pids = new ArrayList<>(fleet.pids());
            pids.add(rig.cameras().pid());
            Map<Long, Pidstat.Usage> usage = Pidstat.measure(pids, settings.window());
            double seconds = (System.nanoTime() - start) / 1e9;
            double fps = (fleet.frames() - framesBefore) / seconds / cameras;

            double cpu = 0;
            long rss = 0;
            int measured = 0;
            for (long pid : fleet.pids()) {
                Pidstat.Usage one = usage.get(pid);
                if (one != null) {
                    cpu += one.cpuPercent();
                    rss += one.rssKb();
                    measured++;
                }
            }
            List<String> notes = new ArrayList<>();
            if (measured < cameras || fleet.alive() < cameras) {
                notes.add((cameras - Math.min(measured, fleet.alive())) + " of " + cameras + " ffmpeg processes ended early (see " + dir + ")");
            }
            if (fps < SourceClip.FPS - 0.5) {
                // a process that cannot keep up reads late and the server's queue drops what it cannot send
                notes.add(String.format(Locale.ROOT, "behind real time: %.1f of %d frames/s received per camera (%.0f%% short)",
                        fps, SourceClip.FPS, 100 * (1 - fps / SourceClip.FPS)));
            }
            Pidstat.Usage source = usage.get(rig.cameras().pid());
            return new CpuResult(baseline.name(), baseline.label(), cameras, cpu, rss, 0,
                    String.format(Locale.ROOT, "%.1f frames/s", fps), source == null ? Double.NaN : source.cpuPercent(), null,
                    String.join("; ", notes));
        } finally {
            Dirs.deleteMatching(dir, ".mp4");
        }
    }
}
