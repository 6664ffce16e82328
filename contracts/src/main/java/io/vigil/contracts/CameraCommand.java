package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A manual recording command from the gateway, value of the compacted {@link Topics#CAMERA_COMMANDS}
 * keyed by camera id. The latest command of a camera is its manual-recording state, so the ingest
 * instance that takes a camera over (failover, restart) reads it and carries a running manual
 * recording on under the same event id.
 *
 * @param action  start or stop
 * @param eventId the manual event started, or stopped
 * @param until   for start: when the recording ends by itself; null runs until a stop
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraCommand(int v, String cameraId, Action action, String eventId, Instant issuedAt, Instant until) {

    public static final int VERSION = 1;

    public enum Action {
        @JsonProperty("start") START,
        @JsonProperty("stop") STOP
    }

    /** Why this command cannot be used, or null when it can. */
    public String problem() {
        if (!CameraConfig.isValidId(cameraId)) {
            return "cameraId must match " + CameraConfig.ID.pattern();
        }
        if (action == null || eventId == null || eventId.isBlank() || issuedAt == null) {
            return "action, eventId and issuedAt are required";
        }
        return null;
    }

    /** Whether this is a start still running at {@code now}. */
    public boolean runningAt(Instant now) {
        return action == Action.START && (until == null || until.isAfter(now));
    }
}
