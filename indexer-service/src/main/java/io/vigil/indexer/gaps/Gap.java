package io.vigil.indexer.gaps;

import java.time.Duration;
import java.time.Instant;

/**
 * A span [start, end) without footage where the camera was meant to record: one row of the {@code gap} table.
 *
 * @param detail        human readable, never with credentials (only failure kinds, instance and session names)
 * @param takenOverFrom the ingest instance that ran the camera before another took it over (a failover), else null
 */
record Gap(String cameraId, Instant start, Instant end, GapCause cause, String detail, String takenOverFrom) {

    Gap {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a gap ends after it starts");
        }
    }

    Gap(String cameraId, Instant start, Instant end, GapCause cause, String detail) {
        this(cameraId, start, end, cause, detail, null);
    }

    double seconds() {
        return Duration.between(start, end).toNanos() / 1e9;
    }
}
