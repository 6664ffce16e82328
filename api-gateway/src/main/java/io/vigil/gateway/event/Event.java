package io.vigil.gateway.event;

import io.vigil.contracts.Region;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of the {@code event} table, written by the indexer from vigil.events; the gateway only reads it. */
@Entity
@Table(name = "event")
@Immutable
public class Event {

    @Id
    private String id;
    @Column(name = "camera_id")
    private String cameraId;
    @Column(name = "start_time")
    private Instant startTime;
    /** The last trigger's end; null while the event runs. */
    @Column(name = "end_time")
    private Instant endTime;
    /** Where the event's recording ends, post-roll included; null while it runs. */
    @Column(name = "recording_end")
    private Instant recordingEnd;
    /** motion, manual, external (continuous only for rows of a future kind): kept as written. */
    private String reason;
    private String label;
    @Column(name = "peak_score")
    private Double peakScore;
    @Column(name = "box_x")
    private Double boxX;
    @Column(name = "box_y")
    private Double boxY;
    @Column(name = "box_width")
    private Double boxWidth;
    @Column(name = "box_height")
    private Double boxHeight;

    protected Event() {
    }

    public String id() {
        return id;
    }

    public String cameraId() {
        return cameraId;
    }

    public Instant start() {
        return startTime;
    }

    public Instant end() {
        return endTime;
    }

    public Instant recordingEnd() {
        return recordingEnd;
    }

    public String reason() {
        return reason;
    }

    public String label() {
        return label;
    }

    public Double peakScore() {
        return peakScore;
    }

    /** The changed area at the peak score, or null when the event has none (not motion, or none yet). */
    public Region box() {
        if (boxX == null || boxY == null || boxWidth == null || boxHeight == null) {
            return null;
        }
        return new Region(boxX, boxY, boxWidth, boxHeight);
    }
}
