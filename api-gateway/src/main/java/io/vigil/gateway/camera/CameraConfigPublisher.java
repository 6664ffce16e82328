package io.vigil.gateway.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.JsonContractSerializer;
import io.vigil.gateway.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes camera configurations to the compacted {@link Topics#CAMERA_CONFIG} topic, keyed by camera id,
 * a tombstone for a removed camera. Each call completes only once Kafka acknowledged every record
 * (acks=all), or fails once the producer gave up within the publish timeout: the caller can then
 * roll its transaction back knowing the record will not turn up later.
 */
@ApplicationScoped
public class CameraConfigPublisher {

    private final Producer<String, CameraConfig> producer;
    private final MeterRegistry meters;

    CameraConfigPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, GatewayConfig config,
                          MeterRegistry meters) {
        this.producer = new KafkaProducer<>(settings(kafka, config.publishTimeout()),
                new StringSerializer(), new JsonContractSerializer<>());
        this.meters = meters;
    }

    static Map<String, Object> settings(Map<String, Object> kafka, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        int millis = (int) timeout.toMillis();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // a record either reaches Kafka within the timeout or fails for good: no late delivery after a rollback
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-gateway-config");
        return settings;
    }

    public Uni<Void> publish(CameraConfig config) {
        return publishAll(Map.of(config.id(), config));
    }

    public Uni<Void> remove(String cameraId) {
        Map<String, CameraConfig> tombstone = new HashMap<>();
        tombstone.put(cameraId, null);
        return publishAll(tombstone);
    }

    /** Sends every record, then waits for all acknowledgements; a null value is a tombstone. */
    public Uni<Void> publishAll(Map<String, CameraConfig> configs) {
        return OffEventLoop.call(() -> {
            try {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                configs.forEach((id, config) -> acks.add(producer.send(new ProducerRecord<>(Topics.CAMERA_CONFIG, id, config))));
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
            } catch (Exception e) {
                meters.counter("vigil.gateway.config.records", "outcome", "failed").increment(configs.size());
                throw e instanceof ExecutionException && e.getCause() instanceof Exception cause ? cause : e;
            }
            meters.counter("vigil.gateway.config.records", "outcome", "acked").increment(configs.size());
            return null;
        });
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
