package io.vigil.ingest.event;

import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.Region;

import java.time.Instant;

/** Builds a camera's {@link CameraEvent} records for vigil.events. */
final class EventMessages {

    private final String cameraId;
    private final String instance;

    EventMessages(String cameraId, String instance) {
        this.cameraId = cameraId;
        this.instance = instance;
    }

    /** At the event's first trigger, with its reason and label (and the motion score for motion). */
    CameraEvent started(RunningEvent event) {
        return record(CameraEvent.EVENT_STARTED, event, event.startedAt(), event.peakScore(), event.peakBox(), null);
    }

    /** At its last trigger's end, with where its recording ends and its peak motion. */
    CameraEvent ended(RunningEvent event, Instant lastTriggerEnd) {
        return record(CameraEvent.EVENT_ENDED, event, lastTriggerEnd, event.peakScore(), event.peakBox(), event.recordingEnd());
    }

    CameraEvent motionStarted(RunningEvent event, Instant at, double score, Region box) {
        return record(CameraEvent.MOTION_STARTED, event, at, score, box, null);
    }

    CameraEvent motionEnded(RunningEvent event, Instant at, double peakScore, Region box) {
        return record(CameraEvent.MOTION_ENDED, event, at, peakScore, box, null);
    }

    private CameraEvent record(String type, RunningEvent event, Instant time, Double score, Region box, Instant recordingEnd) {
        return new CameraEvent(CameraEvent.VERSION, type, cameraId, event.id(), time, event.reason(), event.label(),
                score, box, recordingEnd, instance);
    }
}
