package io.vigil.gateway.camera;

import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.Topics;
import io.vigil.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole camera-config topic, as it stands now, into its latest value per camera. Values
 * stay raw bytes so the comparison with the table also catches records this version cannot read.
 */
@ApplicationScoped
public class ConfigTopicReader {

    private final Map<String, Object> settings;
    private final Duration timeout;

    ConfigTopicReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, GatewayConfig config) {
        this.timeout = config.publishTimeout();
        this.settings = new HashMap<>(kafka);
        // assigned partitions, no group: nothing to commit, nothing left behind on the broker
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-gateway-config-reader");
    }

    /** Blocking. Camera id → latest value, null for a tombstone. */
    public Map<String, byte[]> latest() {
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAMERA_CONFIG).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(timeout.multipliedBy(3));
            Map<String, byte[]> latest = new HashMap<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + Topics.CAMERA_CONFIG + " to its end within " + timeout.multipliedBy(3));
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        latest.put(record.key(), record.value());
                    }
                }
            }
            return latest;
        }
    }
}
