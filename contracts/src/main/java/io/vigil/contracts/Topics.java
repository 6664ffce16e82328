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

    /**
     * The largest media piece: one GOP must fit in one record. 32 MiB holds a 10 s GOP at 25 Mbit/s;
     * ingest splits a larger GOP into several pieces rather than fail (see docs/topics.md).
     */
    public static final int MAX_MEDIA_RECORD_BYTES = 32 * 1024 * 1024;

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
                    "segment.ms", String.valueOf(Duration.ofHours(1).toMillis()))));

    private Topics() {
    }
}
