package io.vigil.gateway.manual;

import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.AckedPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes manual recording commands to the compacted {@link Topics#CAMERA_COMMANDS} topic, keyed by
 * camera id: the latest command of a camera is its manual-recording state, which the ingest instance
 * running the camera (now or after a failover) acts on. Completes only once Kafka acknowledged it.
 * The tombstone of a removed camera is written with its config tombstone (CameraConfigPublisher).
 */
@ApplicationScoped
public class CameraCommandPublisher {

    private final AckedPublisher kafka;

    CameraCommandPublisher(AckedPublisher kafka) {
        this.kafka = kafka;
    }

    public Uni<Void> publish(CameraCommand command) {
        return kafka.publish(Topics.CAMERA_COMMANDS, command.cameraId(), command);
    }
}
