package io.vigil.indexer.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The {@code event} table as Hibernate sees it. The indexer writes rows only through the upsert in
 * {@link EventCatalog}; this mapping lets Hibernate check at start that the table the migrations
 * built is the one that statement expects.
 */
@Entity
@Table(name = "event")
class EventRow {

    @Id
    @Column(length = 64)
    String id;

    @Column(name = "camera_id", nullable = false, length = 63)
    String cameraId;

    @Column(name = "start_time", nullable = false)
    Instant startTime;

    @Column(name = "end_time")
    Instant endTime;

    @Column(name = "recording_end")
    Instant recordingEnd;

    /** motion, manual or external: RecordingReason's wire name. */
    @Column(nullable = false, length = 16)
    String reason;

    @Column(length = 200)
    String label;

    @Column(name = "peak_score")
    Double peakScore;

    @Column(name = "box_x")
    Double boxX;

    @Column(name = "box_y")
    Double boxY;

    @Column(name = "box_width")
    Double boxWidth;

    @Column(name = "box_height")
    Double boxHeight;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
