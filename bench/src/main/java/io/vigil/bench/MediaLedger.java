package io.vigil.bench;

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
 * Every piece that reached {@value Topics#MEDIA}, read back from the beginning of the topic: what the
 * recordings must hold, each piece once. Only the headers are kept.
 */
final class MediaLedger {

    /** A piece as the recorder must write it once. */
    record PieceId(String session, long sequence) {
    }

    private MediaLedger() {
    }

    /** The distinct pieces of each camera on the topic now, and how many records (duplicates included) carried them. */
    static Map<String, Set<PieceId>> read(String bootstrapServers) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024);
        Map<String, Set<PieceId>> pieces = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEDIA).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + Topics.MEDIA + " to its end within 10 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        PieceHeader header = MediaPieceCodec.decode(record.value()).header();
                        pieces.computeIfAbsent(header.cameraId(), camera -> new HashSet<>())
                                .add(new PieceId(header.sessionId(), header.sequence()));
                    } catch (MalformedRecordException e) {
                        throw new IllegalStateException("ingest published a malformed piece at " + record.topic() + "-"
                                + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return pieces;
    }
}
