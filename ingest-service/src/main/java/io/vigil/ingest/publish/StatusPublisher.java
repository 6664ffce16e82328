package io.vigil.ingest.publish;

import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.JsonContractSerializer;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Sends camera status to the compacted {@link Topics#CAMERA_STATUS}, keyed by camera id; a tombstone removes a camera's status. */
@ApplicationScoped
public class StatusPublisher {

    private static final Logger LOG = Logger.getLogger(StatusPublisher.class);

    private final Producer<String, CameraStatus> producer;

    @Inject
    public StatusPublisher(KafkaClients clients) {
        this.producer = new KafkaProducer<>(clients.statusProducer(), new StringSerializer(), new JsonContractSerializer<>());
    }

    public void publish(CameraStatus status) {
        send(status.cameraId(), status);
    }

    /** The camera was removed: compaction will drop its status. */
    public void remove(String cameraId) {
        send(cameraId, null);
    }

    private void send(String cameraId, CameraStatus status) {
        Callback logFailure = (metadata, error) -> {
            if (error != null) {
                // the next change or heartbeat sends a newer status; nothing to retry here
                LOG.warnf("camera %s: status not written to Kafka: %s", cameraId, error.toString());
            }
        };
        try {
            producer.send(new ProducerRecord<>(Topics.CAMERA_STATUS, cameraId, status), logFailure);
        } catch (RuntimeException e) {
            LOG.warnf("camera %s: status not handed to Kafka: %s", cameraId, e.toString());
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
