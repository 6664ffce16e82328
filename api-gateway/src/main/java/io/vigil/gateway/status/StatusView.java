package io.vigil.gateway.status;

import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.CameraUrls;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A camera's live status as the API shows it. {@code online} is true only while the ingest instance
 * keeps refreshing it: a status older than the stale limit belongs to an instance that is gone.
 */
public record StatusView(
        String state,
        boolean online,
        String instance,
        String sessionId,
        String codec,
        Integer width,
        Integer height,
        Double fps,
        Long bitrate,
        String lastError,
        String errorCode,
        Instant retryAt,
        Long reconnects,
        Instant updatedAt) {

    public static final StatusView UNKNOWN =
            new StatusView("unknown", false, null, null, null, null, null, null, null, null, null, null, null, null);

    public static StatusView of(CameraStatus status, Instant now, Duration staleAfter) {
        if (status == null) {
            return UNKNOWN;
        }
        boolean fresh = status.updatedAt() != null && status.updatedAt().plus(staleAfter).isAfter(now);
        String state = status.state() == null ? "unknown" : status.state().name().toLowerCase(Locale.ROOT);
        return new StatusView(state, status.online() && fresh, status.instance(), status.sessionId(), status.codec(),
                status.width(), status.height(), status.fps(), status.bitrate(),
                // ingest redacts already; a second pass costs nothing and guards the API
                CameraUrls.redact(status.lastError()), status.errorCode(), status.retryAt(), status.reconnects(),
                status.updatedAt());
    }
}
