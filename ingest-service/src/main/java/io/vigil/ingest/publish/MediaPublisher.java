package io.vigil.ingest.publish;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.MediaPieceSerializer;
import io.vigil.ingest.kafka.KafkaClients;
import io.vigil.ingest.status.CameraStatusTracker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends media pieces to {@link Topics#MEDIA}, keyed by camera id so a camera's pieces stay in one
 * partition, in order. The producer is idempotent: a retry never duplicates or reorders a piece.
 */
@ApplicationScoped
public class MediaPublisher {

    private static final Logger LOG = Logger.getLogger(MediaPublisher.class);

    private final Producer<String, MediaPiece> producer;

    @Inject
    public MediaPublisher(KafkaClients clients) {
        this.producer = new KafkaProducer<>(clients.mediaProducer(), new StringSerializer(), new MediaPieceSerializer());
    }

    /**
     * Hands the piece to the producer; the outcome is counted on the camera's status when Kafka answers.
     * Blocks while the producer's buffer is full, so a slow Kafka slows the camera down instead of
     * filling the heap.
     *
     * @throws org.apache.kafka.common.KafkaException if the producer cannot take the piece
     */
    public void publish(MediaPiece piece, CameraStatusTracker status) {
        String cameraId = piece.header().cameraId();
        producer.send(new ProducerRecord<>(Topics.MEDIA, cameraId, piece), (metadata, error) -> {
            if (error == null) {
                status.piecePublished(piece.mediaBytes());
            } else {
                status.pieceFailed();
                LOG.errorf("camera %s: piece %d of session %s was not written to Kafka and is lost: %s",
                        cameraId, piece.header().sequence(), piece.header().sessionId(), error.toString());
            }
        });
    }

    @PreDestroy
    void close() {
        // sends what is still buffered, the last pieces of the stopped sessions included
        producer.close(Duration.ofSeconds(10));
    }
}
