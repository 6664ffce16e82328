package io.vigil.gateway.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of the {@code recording} table, written by the indexer; the gateway only reads it. */
@Entity
@Table(name = "recording")
@Immutable
public class Recording {

    @Id
    private Long id;
    @Column(name = "camera_id")
    private String cameraId;
    /** Relative to the recordings root, '/' separated. */
    @Column(columnDefinition = "text")
    private String path;
    @Column(name = "start_time")
    private Instant startTime;
    @Column(name = "end_time")
    private Instant endTime;
    @Column(name = "duration_ms")
    private long durationMs;
    private long bytes;
    private String codec;
    private Integer width;
    private Integer height;
    private Double fps;
    @Column(name = "session_id")
    private String sessionId;
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

    protected Recording() {
    }

    public Long id() {
        return id;
    }

    public String cameraId() {
        return cameraId;
    }

    public String path() {
        return path;
    }

    public Instant start() {
        return startTime;
    }

    public Instant end() {
        return endTime;
    }

    public long durationMs() {
        return durationMs;
    }

    public long bytes() {
        return bytes;
    }

    public String codec() {
        return codec;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Double fps() {
        return fps;
    }

    public String sessionId() {
        return sessionId;
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
}
