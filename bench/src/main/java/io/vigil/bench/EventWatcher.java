package io.vigil.bench;

import io.vigil.contracts.CameraEvent;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The {@code vigil.events} records published from the moment this watcher started, each with when it arrived. */
final class EventWatcher implements AutoCloseable {

    record Arrived(CameraEvent event, Instant at) {
    }

    private final BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    EventWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now, so that nothing published after this constructor is missed
        partitions.forEach(consumer::position);
        thread = new Thread(this::consume, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next record of {@code type} for {@code cameraId}, skipping others; null on timeout. */
    Arrived next(String cameraId, String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Arrived one = left > 0 ? arrived.poll(left, TimeUnit.NANOSECONDS) : null;
            if (one == null) {
                return null;
            }
            if (cameraId.equals(one.event().cameraId()) && type.equals(one.event().type())) {
                return one;
            }
        }
    }

    void clear() {
        arrived.clear();
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        try {
                            arrived.add(new Arrived(ContractJson.read(record.value(), CameraEvent.class), Instant.now()));
                        } catch (RuntimeException e) {
                            // not an event we can read
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
