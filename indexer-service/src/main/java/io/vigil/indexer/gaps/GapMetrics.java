package io.vigil.indexer.gaps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code vigil_gap_seconds_total{camera,cause}} and {@code vigil_gaps_total{camera,cause}}: counted
 * only when a gap row is actually inserted, so a recording catalogued twice counts once.
 * {@code vigil_gaps_retracted_total{camera}}: gaps taken back because a late recording filled them.
 * {@code vigil_failovers_total{camera,from}}: the camera's gaps where another ingest instance took it over.
 */
@ApplicationScoped
public class GapMetrics {

    private final MeterRegistry registry;

    GapMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(Gap gap) {
        Counter.builder("vigil.gap.seconds")
                .description("Seconds without footage where a camera was meant to record, by cause")
                .tags("camera", gap.cameraId(), "cause", gap.cause().wireName())
                .register(registry).increment(gap.seconds());
        Counter.builder("vigil.gaps")
                .description("Gaps catalogued, by cause")
                .tags("camera", gap.cameraId(), "cause", gap.cause().wireName())
                .register(registry).increment();
        if (gap.takenOverFrom() != null) {
            Counter.builder("vigil.failovers")
                    .description("Times another ingest instance took the camera over from the one that ran it")
                    .tags("camera", gap.cameraId(), "from", gap.takenOverFrom())
                    .register(registry).increment();
        }
    }

    void retracted(String cameraId, int count) {
        Counter.builder("vigil.gaps.retracted")
                .description("Gaps taken back because a recording that arrived later filled them")
                .tags("camera", cameraId)
                .register(registry).increment(count);
    }
}
