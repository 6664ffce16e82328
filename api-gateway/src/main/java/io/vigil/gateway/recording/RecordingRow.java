package io.vigil.gateway.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The columns of the {@code recording} table that every read-only view of it maps: a recording's
 * identity, file, span and picture. The indexer writes the table; the gateway only reads it.
 */
@MappedSuperclass
public abstract class RecordingRow {

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
    private String codec;
    private Integer width;
    private Integer height;
    @Column(name = "session_id")
    private String sessionId;
    /** Set once a deletion has begun: the row is hidden from every query from then on. */
    @Column(name = "deleting_since")
    private Instant deletingSince;

    protected RecordingRow() {
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

    public String codec() {
        return codec;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant deletingSince() {
        return deletingSince;
    }
}
