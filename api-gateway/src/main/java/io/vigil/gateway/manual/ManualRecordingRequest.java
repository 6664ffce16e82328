package io.vigil.gateway.manual;

import io.vigil.gateway.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;

/** The optional body of a manual start. */
@Schema(name = "ManualRecordingRequest")
public record ManualRecordingRequest(
        @Schema(minimum = "1", maximum = "86400", description = "stop by itself after this long; absent: record until stopped")
        Integer durationSeconds) {

    static final int MAX_DURATION_SECONDS = 86_400;

    /** The requested duration, null for "until stopped"; a 400 naming {@code durationSeconds} when out of range. */
    static Duration duration(ManualRecordingRequest request) {
        if (request == null || request.durationSeconds() == null) {
            return null;
        }
        int seconds = request.durationSeconds();
        if (seconds < 1 || seconds > MAX_DURATION_SECONDS) {
            throw ProblemException.invalid("durationSeconds", "durationSeconds must be between 1 and " + MAX_DURATION_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }
}
