package io.vigil.ingest.event;

import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Region;

import java.time.Instant;

/** The event a camera is recording: what started it and when, its peak motion, and where its recording ends so far. */
final class RunningEvent {

    private final String id;
    private final RecordingReason reason;
    private final Instant startedAt;
    private final String label;
    private Double peakScore;
    private Region peakBox;
    private Instant recordingEnd;

    RunningEvent(String id, RecordingReason reason, Instant startedAt, String label) {
        this.id = id;
        this.reason = reason;
        this.startedAt = startedAt;
        this.label = label;
    }

    /** Keeps the highest motion score seen and the box it came with. */
    void scored(double score, Region box) {
        if (peakScore == null || score > peakScore) {
            peakScore = score;
            peakBox = box != null ? box : peakBox;
        }
    }

    /** A piece of the event was published; it ends at {@code end}. */
    void recordedUntil(Instant end) {
        recordingEnd = end;
    }

    String id() {
        return id;
    }

    RecordingReason reason() {
        return reason;
    }

    Instant startedAt() {
        return startedAt;
    }

    String label() {
        return label;
    }

    /** Null when no motion was scored in this event. */
    Double peakScore() {
        return peakScore;
    }

    Region peakBox() {
        return peakBox;
    }

    /** Null while no piece of the event was published. */
    Instant recordingEnd() {
        return recordingEnd;
    }
}
