package io.vigil.system;

import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPieceCodec;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every media piece that reached Kafka, read back from {@value Topics#MEDIA} as it stands: the ground
 * truth the files on disk are compared with. Only the headers are kept.
 */
final class PublishedPieces {

    /** A piece as the recorder must write it once: its session and sequence. */
    record PieceId(String session, long sequence) {
    }

    /** The stretch one ingest session of a camera covered, the instance that ran it and its owner epoch (fencing token). */
    record Session(String id, String instance, Long ownerEpoch, Instant start, Instant end) {

        Session widen(Instant pieceStart, Instant pieceEnd) {
            return new Session(id, instance, ownerEpoch, pieceStart.isBefore(start) ? pieceStart : start, pieceEnd.isAfter(end) ? pieceEnd : end);
        }
    }

    /**
     * What the topic holds of each camera: the pieces the recorders must write, and those they must refuse
     * ({@code fenced}: a camera's piece of an older ownerEpoch than one of its pieces before it in the partition,
     * sent by an ingest replica that had lost the camera).
     */
    record Ledger(Map<String, Set<PieceId>> pieces, Map<String, Set<PieceId>> fenced, Map<String, Map<String, Session>> sessions) {
    }

    private PublishedPieces() {
    }

    /** The distinct pieces and the sessions of the cameras on the topic now. */
    static Ledger read(String bootstrapServers, Set<String> cameras) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024);
        Map<String, Set<PieceId>> pieces = new HashMap<>();
        Map<String, Set<PieceId>> fenced = new HashMap<>();
        Map<String, Long> newestEpoch = new HashMap<>();
        Map<String, Map<String, Session>> sessions = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEDIA).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + Topics.MEDIA + " to its end within 3 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !cameras.contains(record.key())) {
                        continue;
                    }
                    try {
                        PieceHeader header = MediaPieceCodec.decode(record.value()).header();
                        PieceId id = new PieceId(header.sessionId(), header.sequence());
                        Long epoch = header.ownerEpoch();
                        Long newest = newestEpoch.get(record.key());
                        if (epoch != null && newest != null && epoch < newest) {
                            fenced.computeIfAbsent(record.key(), camera -> new HashSet<>()).add(id);
                            continue;
                        }
                        if (epoch != null) {
                            newestEpoch.put(record.key(), epoch);
                        }
                        pieces.computeIfAbsent(record.key(), camera -> new HashSet<>()).add(id);
                        Instant pieceEnd = header.start().plusNanos(header.durationMicros() * 1000);
                        sessions.computeIfAbsent(record.key(), camera -> new HashMap<>()).merge(header.sessionId(),
                                new Session(header.sessionId(), header.instance(), header.ownerEpoch(), header.start(), pieceEnd),
                                (known, added) -> known.widen(added.start(), added.end()));
                    } catch (MalformedRecordException e) {
                        throw new AssertionError("ingest published a malformed piece at " + record.topic() + "-"
                                + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return new Ledger(pieces, fenced, sessions);
    }
}
