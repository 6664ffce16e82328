package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * Something that happened to a camera's events, value of {@link Topics#EVENTS} keyed by camera id,
 * published by the ingest instance running the camera. One event (one id) gathers every trigger
 * that overlaps it: it opens with {@code event.started}, may see several {@code motion.started} /
 * {@code motion.ended} pairs, and closes with {@code event.ended} once its post-roll is over.
 *
 * @param type     {@link #MOTION_STARTED}, {@link #MOTION_ENDED}, {@link #EVENT_STARTED} or {@link #EVENT_ENDED}
 * @param eventId  the event (a UUID); the same in every record of one event
 * @param time     wall-clock time of what happened: a trigger's start, the motion's start or end,
 *                 and for {@code event.ended} the end of the event's last trigger
 * @param reason   what started the event (motion, manual, external)
 * @param label    a name given by whoever triggered it (an external system's label), else null
 * @param score    motion: the peak share of the picture that changed (0..1), so far; null otherwise
 * @param box      motion: the bounding box of the changed area at the peak; null otherwise
 * @param recordingEnd for {@code event.ended}: where the event's recording (post-roll included) ends
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraEvent(
        int v,
        String type,
        String cameraId,
        String eventId,
        Instant time,
        RecordingReason reason,
        String label,
        Double score,
        Region box,
        Instant recordingEnd,
        String instance) {

    public static final int VERSION = 1;
    public static final String MOTION_STARTED = "motion.started";
    public static final String MOTION_ENDED = "motion.ended";
    public static final String EVENT_STARTED = "event.started";
    public static final String EVENT_ENDED = "event.ended";

    /** Why this record cannot be used, or null when it can. */
    public String problem() {
        if (!CameraConfig.isValidId(cameraId)) {
            return "cameraId must match " + CameraConfig.ID.pattern();
        }
        if (!(MOTION_STARTED.equals(type) || MOTION_ENDED.equals(type) || EVENT_STARTED.equals(type) || EVENT_ENDED.equals(type))) {
            return "type must be one of motion.started, motion.ended, event.started, event.ended";
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > 64) {
            return "eventId is required (at most 64 characters)";
        }
        if (time == null || reason == null) {
            return "time and reason are required";
        }
        return null;
    }
}
