package io.vigil.indexer.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The {@code recording} table as Hibernate sees it. The indexer writes rows only through the
 * upsert in {@link RecordingCatalog}; this mapping lets Hibernate check at start that the table
 * the migrations built is the one that query expects, and types the queries.
 */
@Entity
@Table(name = "recording")
class Recording {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "camera_id", nullable = false, length = 63)
    String cameraId;

    @Column(nullable = false, unique = true, columnDefinition = "text")
    String path;

    @Column(name = "start_time", nullable = false)
    Instant startTime;

    @Column(name = "end_time", nullable = false)
    Instant endTime;

    @Column(name = "duration_ms", nullable = false)
    long durationMs;

    @Column(nullable = false)
    long bytes;

    @Column(length = 64)
    String codec;

    Integer width;

    Integer height;

    Double fps;

    @Column(name = "session_id", length = 64)
    String sessionId;

    @Column(name = "first_sequence")
    Long firstSequence;

    @Column(name = "last_sequence")
    Long lastSequence;

    @Column(name = "piece_count")
    Integer pieceCount;

    @Column(name = "fragment_index")
    byte[] fragmentIndex;

    @Column(name = "indexed_at", nullable = false)
    Instant indexedAt;

    /** continuous, motion, manual or external: RecordingReason's wire name. */
    @Column(nullable = false, length = 16)
    String reason;

    @Column(name = "event_id", length = 64)
    String eventId;

    /** start, config, reconnect or unknown: SessionCause's wire name; null in rows from before V6. */
    @Column(name = "session_cause", length = 16)
    String sessionCause;

    @Column(name = "previous_failure", length = 16)
    String previousFailure;

    @Column(name = "ingest_instance", length = 255)
    String ingestInstance;
}
