package io.vigil.bench;

import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link CameraStatus} of every camera, read from {@code vigil.camera-status} from the
 * moment this watcher started (no group, no commits): whether cameras stream, and what their
 * pre-roll buffers hold.
 */
final class StatusWatcher implements AutoCloseable {

    /** A status and when we received it. */
    record Seen(CameraStatus status, Instant at) {
    }

    private final Map<String, Seen> latest = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    StatusWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CAMERA_STATUS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        thread = new Thread(this::consume, "status-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    Map<String, Seen> latest() {
        return Map.copyOf(latest);
    }

    /** Forgets what it saw, so that the next wait sees only statuses of the service now running. */
    void clear() {
        latest.clear();
    }

    /** Waits until every camera of {@code ids} reports {@code streaming}; false on timeout. */
    boolean awaitStreaming(Collection<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ids.stream().allMatch(id -> {
                Seen seen = latest.get(id);
                return seen != null && seen.status().state() == CameraState.STREAMING;
            })) {
                return true;
            }
            Commands.sleep(Duration.ofMillis(200));
        }
        return false;
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        try {
                            latest.put(record.key(), new Seen(ContractJson.read(record.value(), CameraStatus.class), Instant.now()));
                        } catch (RuntimeException e) {
                            // a status we cannot read says nothing we need
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
