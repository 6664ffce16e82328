package io.vigil.gateway.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A row of the {@code gap} table: a span without recording while the camera was meant to record. Written by the indexer. */
@Entity
@Table(name = "gap")
@Immutable
public class Gap {

    @Id
    private Long id;
    @Column(name = "camera_id")
    private String cameraId;
    @Column(name = "start_time")
    private Instant startTime;
    @Column(name = "end_time")
    private Instant endTime;
    /** camera_offline, reconnect, ingest_restart, sequence_jump, storage_full: kept as written. */
    private String cause;
    /** Human-readable, credentials already masked by the writer; may be null. */
    @Column(columnDefinition = "text")
    private String detail;

    protected Gap() {
    }

    public Long id() {
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

    public String cause() {
        return cause;
    }

    public String detail() {
        return detail;
    }
}
