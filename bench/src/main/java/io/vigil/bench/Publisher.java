package io.vigil.bench;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Trigger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway and outside systems would publish: camera configurations on
 * {@code vigil.camera-config} and external triggers on {@code vigil.triggers}, as contract JSON.
 * No gateway is needed to drive ingest.
 */
final class Publisher implements AutoCloseable {

    /** Revisions must grow per camera across the whole run, so a newer config is never taken for a replay. */
    private final AtomicLong revision = new AtomicLong(System.currentTimeMillis());
    private final KafkaProducer<String, byte[]> producer;

    Publisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A camera as the API would register it. Rotation 60 s; motion with the default sensitivity and
     * area when {@code motion}, else disabled (only triggers start events).
     */
    CameraConfig camera(String id, String url, CameraMode mode, boolean motion, int preRollSeconds, int postRollSeconds) {
        MotionSettings settings = new MotionSettings(motion, MotionSettings.DEFAULT_SENSITIVITY,
                MotionSettings.DEFAULT_MIN_AREA_PERCENT, List.of());
        return new CameraConfig(CameraConfig.VERSION, id, id, url, mode, 60, preRollSeconds, postRollSeconds,
                CameraConfig.DEFAULT_MAX_EVENT_SECONDS, settings, revision.incrementAndGet(), Instant.now());
    }

    void config(CameraConfig config) {
        send(Topics.CAMERA_CONFIG, config.id(), ContractJson.write(config));
    }

    /** The camera is removed: ingest stops it, and a later ingest replaying the topic will not start it. */
    void remove(String cameraId) {
        send(Topics.CAMERA_CONFIG, cameraId, null);
    }

    /** Sent and acknowledged before returning: the caller's clock starts before this call. */
    void trigger(Trigger trigger) {
        send(Topics.TRIGGERS, trigger.cameraId(), ContractJson.write(trigger));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take a record for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
