package io.vigil.gateway.manual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A row of the {@code manual_recording} table: the running, or last, manual recording of a camera.
 * The gateway is its only writer; the row goes with its camera (foreign key, on delete cascade).
 */
@Entity
@Table(name = "manual_recording")
public class ManualRecording {

    @Id
    @Column(name = "camera_id")
    private String cameraId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "started_at")
    private Instant startedAt;
    /** Null: runs until stopped. */
    private Instant until;
    @Column(name = "stopped_at")
    private Instant stoppedAt;

    protected ManualRecording() {
    }

    ManualRecording(String cameraId) {
        this.cameraId = cameraId;
    }

    /** Whether it still runs: not stopped, and its duration (if any) not over. */
    boolean runningAt(Instant now) {
        return stoppedAt == null && (until == null || until.isAfter(now));
    }

    /** This camera's row now holds a new recording (a camera keeps one row: the latest). */
    ManualRecording start(String eventId, Instant startedAt, Instant until) {
        this.eventId = eventId;
        this.startedAt = startedAt;
        this.until = until;
        this.stoppedAt = null;
        return this;
    }

    ManualRecording stop(Instant now) {
        stoppedAt = now;
        return this;
    }

    public String cameraId() {
        return cameraId;
    }

    public String eventId() {
        return eventId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant until() {
        return until;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }
}
