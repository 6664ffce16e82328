package io.vigil.gateway.event;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.RecordingReason;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.recording.TimeRange;

import java.time.Duration;
import java.util.Set;
import java.time.Instant;

/**
 * The parameters of an events listing after validation: the time range follows the recordings'
 * rules ({@link TimeRange}), the other filters are optional.
 *
 * @param cameraId null: every camera
 * @param reason   null: every reason
 */
public record EventQuery(TimeRange range, String cameraId, RecordingReason reason, int limit, Set<String> visibleCameras) {

    /** Every camera the caller may see (null: every camera); the repository filters by it, before the limit. */
    public EventQuery(TimeRange range, String cameraId, RecordingReason reason, int limit) {
        this(range, cameraId, reason, limit, null);
    }

    EventQuery visibleTo(Set<String> cameras) {
        return new EventQuery(range, cameraId, reason, limit, cameras);
    }

    static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;

    /** Checked in the parameters' reading order, so a 400 names the first bad one. */
    static EventQuery of(String camera, String from, String to, String reason, String limit,
                         Instant now, Duration defaultSpan, Duration maxSpan) {
        if (camera != null && !CameraConfig.isValidId(camera)) {
            throw ProblemException.invalid("camera", "camera must be a camera id: 1 to 63 characters of a-z, 0-9 and '-'");
        }
        TimeRange range = TimeRange.of(from, to, now, defaultSpan, maxSpan);
        return new EventQuery(range, camera, reason(reason), limit(limit));
    }

    private static RecordingReason reason(String reason) {
        if (reason == null) {
            return null;
        }
        try {
            return RecordingReason.fromWire(reason);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("reason", "reason must be one of continuous, motion, manual, external");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return value;
    }
}
