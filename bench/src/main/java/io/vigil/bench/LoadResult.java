package io.vigil.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one load run measured: CPU and memory per part of the stack, and every camera's pieces three ways. */
record LoadResult(LoadSettings settings, double windowSeconds, List<ServiceSampler.Usage> usage, List<RecordingsCheck> checks,
                  String loadBefore, String loadAfter, String commit) {

    boolean lossless() {
        return checks.stream().allMatch(RecordingsCheck::lossless);
    }

    /** The cameras that lost anything, and how. */
    String losses() {
        return checks.stream().filter(check -> !check.lossless()).map(RecordingsCheck::toString).collect(Collectors.joining("; "));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        long published = checks.stream().mapToLong(RecordingsCheck::published).sum();
        long onDisk = checks.stream().mapToLong(RecordingsCheck::fragmentsOnDisk).sum();
        long catalogued = checks.stream().mapToLong(RecordingsCheck::catalogued).sum();
        long missing = checks.stream().mapToLong(RecordingsCheck::missingFromCatalog).sum();
        long twice = checks.stream().mapToLong(RecordingsCheck::cataloguedTwice).sum();
        long torn = checks.stream().mapToLong(RecordingsCheck::halfWrittenFiles).sum();
        long files = checks.stream().mapToLong(RecordingsCheck::files).sum();
        long rows = checks.stream().mapToLong(RecordingsCheck::rows).sum();
        out.append("# Load: ").append(settings.cameras()).append(" looped cameras for ")
                .append(LoadBench.minutes(settings.duration())).append("\n\n");
        out.append("- measured ").append(Instant.now()).append(", commit ").append(commit).append(", ")
                .append(Machine.cores()).append(" cores\n");
        out.append("- machine load before: `").append(loadBefore).append("`\n");
        out.append("- machine load after: `").append(loadAfter).append("`\n");
        out.append("- sampled window: ").append(String.format(Locale.ROOT, "%.0f s", windowSeconds))
                .append(" (from the cameras' registration to the end of the recording time)\n\n");
        out.append("## Pieces: ").append(lossless() ? "**0 lost**" : "**LOST PIECES**").append("\n\n");
        out.append("| published on vigil.media | fragments in files on disk | catalogued pieces | files | catalog rows | published but not catalogued | catalogued twice | half-written files |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d |%n%n", published, onDisk, catalogued, files, rows,
                missing, twice, torn));
        double least = checks.stream().mapToDouble(RecordingsCheck::recordedSeconds).min().orElse(0);
        double most = checks.stream().mapToDouble(RecordingsCheck::recordedSeconds).max().orElse(0);
        double all = checks.stream().mapToDouble(RecordingsCheck::recordedSeconds).sum();
        out.append(String.format(Locale.ROOT, "Footage catalogued per camera: %.0f to %.0f s (%.0f camera-seconds in all) of the %.0f s "
                + "recording time; the rest is each camera's start (connecting, first GOP) and its reconnects (catalogued gaps).%n%n", least, most, all,
                settings.duration().toMillis() / 1000.0));
        if (!lossless()) {
            out.append("Cameras that lost anything:\n\n");
            checks.stream().filter(check -> !check.lossless()).forEach(check -> out.append("- ").append(check).append("\n"));
            out.append("\n");
        }
        out.append("## CPU and memory per part (100 % = one core; peak CPU over 5 s intervals)\n\n");
        out.append("| part | average CPU % | peak CPU % | peak RSS MB | processes |\n|---|---|---|---|---|\n");
        double cpu = 0;
        double rss = 0;
        for (ServiceSampler.Usage part : usage) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %d |%n", part.name(), part.averageCpuPercent(),
                    part.peakCpuPercent(), part.peakRssMb(), part.processes()));
            cpu += part.averageCpuPercent();
            rss += part.peakRssMb();
        }
        out.append(String.format(Locale.ROOT, "| **all** | **%.1f** | | **%.0f** (sum of peaks) | |%n", cpu, rss));
        return out.toString();
    }
}
