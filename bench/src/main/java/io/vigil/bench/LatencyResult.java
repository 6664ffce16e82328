package io.vigil.bench;

/**
 * Trigger → first pre-roll byte on disk.
 *
 * @param latenciesMs  one per counted trigger that produced a file
 * @param warmupMs     the first trigger of each camera (not counted: first use of the code paths)
 * @param missed       counted triggers after which no new file appeared within the timeout
 * @param preRolls     seconds of footage before the trigger time in each event file (journal start → trigger)
 */
record LatencyResult(int cameras, int preRollSeconds, java.util.List<Double> latenciesMs, java.util.List<Double> warmupMs,
                     int missed, java.util.List<Double> preRolls, String note) {

    double p50() {
        return Stats.percentile(latenciesMs, 50);
    }

    double p99() {
        return Stats.percentile(latenciesMs, 99);
    }
}
