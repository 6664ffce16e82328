package io.vigil.gateway.timeline;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of wall-clock time [start, end). */
public record Span(Instant start, Instant end) {

    public Duration length() {
        return Duration.between(start, end);
    }
}
