package io.vigil.gateway.camera;

import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.AckedPublisher;
import io.vigil.gateway.kafka.AckedPublisher.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Writes camera configurations to the compacted {@link Topics#CAMERA_CONFIG} topic, keyed by camera
 * id, through the {@link AckedPublisher}: each call completes only once Kafka acknowledged it.
 */
@ApplicationScoped
public class CameraConfigPublisher {

    private final AckedPublisher kafka;

    CameraConfigPublisher(AckedPublisher kafka) {
        this.kafka = kafka;
    }

    public Uni<Void> publish(CameraConfig config) {
        return kafka.publish(Topics.CAMERA_CONFIG, config.id(), config);
    }

    /**
     * The camera is gone: a tombstone on the config topic, and one on the command topic so that no
     * manual recording of it is carried over to a camera created later under the same id.
     */
    public Uni<Void> remove(String cameraId) {
        return kafka.publish(List.of(new Outgoing(Topics.CAMERA_CONFIG, cameraId, null),
                new Outgoing(Topics.CAMERA_COMMANDS, cameraId, null)));
    }

    /** Camera id → configuration; a null value is a tombstone. */
    public Uni<Void> publishAll(Map<String, CameraConfig> configs) {
        return kafka.publish(configs.entrySet().stream()
                .map(entry -> new Outgoing(Topics.CAMERA_CONFIG, entry.getKey(), entry.getValue()))
                .toList());
    }
}
