package io.vigil.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/** The indexer's meters, served at /q/metrics (names there: dots become underscores). */
@ApplicationScoped
public class IndexerMetrics {

    /** Where a recording came to the indexer from. */
    public enum Source {
        EVENT, BACKFILL;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter probeFailures;
    private final Counter backfilledFiles;
    private final Timer probeTime;

    public IndexerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.probeFailures = Counter.builder("vigil.indexer.probe.failures")
                .description("Files ffprobe could not describe (not a video, unreadable, timed out)").register(registry);
        this.backfilledFiles = Counter.builder("vigil.indexer.backfill.files")
                .description("Files cataloged by the backfill because no event announced them").register(registry);
        this.probeTime = Timer.builder("vigil.indexer.probe.time")
                .description("Time ffprobe took per file").register(registry);
    }

    public void indexed(Source source) {
        Counter.builder("vigil.indexer.recordings.indexed").description("Recording rows written to the catalog")
                .tag("source", source.tag()).register(registry).increment();
    }

    /**
     * An event or file passed over without a row, {@code reason} one of malformed, invalid-path,
     * missing, unreadable, refused (by PostgreSQL), no-start (a backfilled file with no known start).
     */
    public void skipped(String reason) {
        Counter.builder("vigil.indexer.recordings.skipped").description("Events and files passed over without a row")
                .tag("reason", reason).register(registry).increment();
    }

    /**
     * A {@code vigil.events} record was applied to its event's row; {@code changed} false when the
     * row already said all it says (a replay).
     */
    public void eventApplied(String type, boolean changed) {
        Counter.builder("vigil.indexer.event.records").description("Event records applied to the event table")
                .tag("type", type).tag("outcome", changed ? "changed" : "unchanged").register(registry).increment();
    }

    /** An event record passed over: {@code malformed}, or {@code refused} by PostgreSQL. */
    public void eventSkipped(String reason) {
        Counter.builder("vigil.indexer.event.records.skipped").description("Event records passed over without a row change")
                .tag("reason", reason).register(registry).increment();
    }

    public void probeFailed() {
        probeFailures.increment();
    }

    public void probed(Duration time) {
        probeTime.record(time);
    }

    public void backfilled() {
        backfilledFiles.increment();
    }
}
