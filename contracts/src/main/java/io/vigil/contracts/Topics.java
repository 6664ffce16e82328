package io.vigil.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic Vigil uses, with the settings it must be created with. This list is the one
 * definition: the services create missing topics from it, the local stack does too, and
 * docs/topics.md and the Kubernetes topic resources describe the same values.
 */
public final class Topics {

    /** Camera configuration owned by the gateway; key camera id, value {@link CameraConfig}, tombstone = deleted. */
    public static final String CAMERA_CONFIG = "vigil.camera-config";
    /** Live camera status published by the ingest instance running the camera; key camera id, value {@link CameraStatus}. */
    public static final String CAMERA_STATUS = "vigil.camera-status";
    /** Media pieces (one GOP of fragmented MP4 each); key camera id, value {@link MediaPieceCodec binary piece}. */
    public static final String MEDIA = "vigil.media";
    /** Closed recording files; key camera id, value {@link RecordingClosed}. */
    public static final String RECORDINGS = "vigil.recordings";
    /** Motion and event lifecycle records from ingest; key camera id, value {@link CameraEvent}. */
    public static final String EVENTS = "vigil.events";
    /** External triggers from any system; key camera id, value {@link Trigger}. */
    public static final String TRIGGERS = "vigil.triggers";
    /** Manual recording start/stop from the gateway; key camera id, value {@link CameraCommand}; the latest is the state. */
    public static final String CAMERA_COMMANDS = "vigil.camera-commands";
    /** The file each camera's recorder is writing; key camera id, value {@link RecorderStatus}. */
    public static final String RECORDER_STATUS = "vigil.recorder-status";
    /** The recordings volume's space: state changes, retention cut short, recordings refused; value {@link StorageEvent}. */
    public static final String STORAGE = "vigil.storage";
    /** Import start/cancel from the gateway; key import id, value {@link ImportCommand}. */
    public static final String IMPORTS = "vigil.imports";
    /** Import status events from ingest; key import id, value {@link ImportStatus}; the latest is the state. */
    public static final String IMPORT_STATUS = "vigil.import-status";
    /**
     * Records a consumer could not use, unchanged (key and value), with headers naming where they came
     * from and why ({@link io.vigil.contracts.kafka.DeadLetters}); never read by Vigil itself.
     */
    public static final String DEAD_LETTER = "vigil.dead-letter";
    /**
     * The gateway's audit log (docs/audit.md): key entry id, value {@link AuditRecord}. A copy of the
     * PostgreSQL rows, drained from an outbox: a record may come twice, never not at all.
     */
    public static final String AUDIT = "vigil.audit";

    /**
     * The largest media piece: one GOP must fit in one record. 32 MiB holds a 10 s GOP at 25 Mbit/s;
     * ingest splits a larger GOP into several pieces rather than fail (see docs/topics.md).
     */
    public static final int MAX_MEDIA_RECORD_BYTES = 32 * 1024 * 1024;

    /** The largest dead letter: the largest media record plus room for the headers that say why. */
    public static final int MAX_DEAD_LETTER_BYTES = MAX_MEDIA_RECORD_BYTES + 2 * 1024 * 1024;

    /** Partitions bound how many ingest and recorder replicas can share the work. */
    public static final int DEFAULT_PARTITIONS = 12;

    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(CAMERA_CONFIG, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "compact",
                    "min.compaction.lag.ms", "0")),
            new TopicSpec(CAMERA_STATUS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "compact",
                    "segment.ms", String.valueOf(Duration.ofHours(1).toMillis()))),
            new TopicSpec(MEDIA, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    // a day of media lets a recorder outage of many hours end with nothing lost
                    "retention.ms", String.valueOf(Duration.ofHours(24).toMillis()),
                    "max.message.bytes", String.valueOf(MAX_MEDIA_RECORD_BYTES + 1024 * 1024),
                    "compression.type", "uncompressed")),
            new TopicSpec(RECORDINGS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))),
            new TopicSpec(EVENTS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))),
            new TopicSpec(TRIGGERS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    // a trigger matters for minutes; a day is room for a long ingest outage
                    "retention.ms", String.valueOf(Duration.ofDays(1).toMillis()))),
            new TopicSpec(CAMERA_COMMANDS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "compact",
                    "min.compaction.lag.ms", "0")),
            new TopicSpec(RECORDER_STATUS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "compact",
                    "segment.ms", String.valueOf(Duration.ofHours(1).toMillis()))),
            new TopicSpec(STORAGE, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))),
            new TopicSpec(IMPORTS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))),
            new TopicSpec(IMPORT_STATUS, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "compact",
                    "segment.ms", String.valueOf(Duration.ofHours(1).toMillis()))),
            new TopicSpec(DEAD_LETTER, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    // two weeks: time for someone to look after a holiday, bounded because a dead media piece is large
                    "retention.ms", String.valueOf(Duration.ofDays(14).toMillis()),
                    "max.message.bytes", String.valueOf(MAX_DEAD_LETTER_BYTES),
                    "compression.type", "uncompressed")),
            new TopicSpec(AUDIT, DEFAULT_PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    // the catalog keeps the audit log (vigil.audit.retention); the topic is a feed for a SIEM to copy from
                    "retention.ms", String.valueOf(Duration.ofDays(30).toMillis()))));

    private Topics() {
    }
}
