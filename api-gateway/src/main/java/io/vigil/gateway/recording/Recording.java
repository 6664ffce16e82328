package io.vigil.gateway.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A row of the {@code recording} table as the recordings lists show it (without the fragment index). */
@Entity
@Table(name = "recording")
@Immutable
public class Recording extends RecordingRow {

    @Column(name = "duration_ms")
    private long durationMs;
    private long bytes;
    private Double fps;
    @Column(name = "first_sequence")
    private Long firstSequence;
    @Column(name = "last_sequence")
    private Long lastSequence;
    @Column(name = "piece_count")
    private Integer pieceCount;
    /** continuous, motion, manual or external */
    private String reason;
    @Column(name = "event_id")
    private String eventId;
    /** Never deleted by retention or storage protection while set. */
    @Column(name = "retention_locked")
    private boolean retentionLocked;

    protected Recording() {
    }

    public long durationMs() {
        return durationMs;
    }

    public long bytes() {
        return bytes;
    }

    public Double fps() {
        return fps;
    }

    public Long firstSequence() {
        return firstSequence;
    }

    public Long lastSequence() {
        return lastSequence;
    }

    public Integer pieceCount() {
        return pieceCount;
    }

    public String reason() {
        return reason;
    }

    public String eventId() {
        return eventId;
    }

    public boolean retentionLocked() {
        return retentionLocked;
    }
}
