package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * An external trigger (a door sensor, an alarm panel, a script), value of {@link Topics#TRIGGERS}
 * keyed by camera id. Any system may publish one; the ingest instance running the camera starts
 * (or extends) an event with reason {@code external}, recorded with pre-roll and post-roll.
 *
 * @param triggerId       optional; the same id seen twice triggers once (a retrying producer)
 * @param time            when it happened; optional, the record's timestamp when absent
 * @param durationSeconds how long the trigger lasts (0 to 86400); absent means a moment (0):
 *                        the recording is then pre-roll plus post-roll
 * @param label           optional, at most 200 characters, shown with the event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Trigger(int v, String cameraId, String triggerId, Instant time, Integer durationSeconds, String label) {

    public static final int VERSION = 1;
    public static final int MAX_DURATION_SECONDS = 86_400;
    public static final int MAX_LABEL_LENGTH = 200;

    /** Why this trigger cannot be used, or null when it can. */
    public String problem() {
        if (!CameraConfig.isValidId(cameraId)) {
            return "cameraId must match " + CameraConfig.ID.pattern();
        }
        if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS)) {
            return "durationSeconds must be 0 to " + MAX_DURATION_SECONDS;
        }
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            return "label must be at most " + MAX_LABEL_LENGTH + " characters";
        }
        if (triggerId != null && triggerId.length() > 128) {
            return "triggerId must be at most 128 characters";
        }
        return null;
    }
}
