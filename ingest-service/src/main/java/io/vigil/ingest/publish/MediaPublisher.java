package io.vigil.ingest.publish;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.MediaPieceSerializer;
import io.vigil.ingest.kafka.KafkaClients;
import io.vigil.ingest.session.PieceSink;
import io.vigil.ingest.status.CameraStatusTracker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        this(new KafkaProducer<>(clients.mediaProducer(), new StringSerializer(), new MediaPieceSerializer()));
    }

    MediaPublisher(Producer<String, MediaPiece> producer) {
        this.producer = producer;
    }

    /**
     * A camera's way to Kafka, for all its sessions. A piece Kafka does not take (buffer full,
     * no metadata, delivery timed out) is reported to the producer's callback, not thrown by
     * {@code send}; the sink remembers it and fails the session's next piece, so the session ends
     * with a gap it reports instead of running on with pieces silently missing. Nothing waits on
     * Kafka's answer: pieces stay pipelined, in order, and one camera never waits for another's.
     */
    public PieceSink sink(CameraStatusTracker status) {
        return new CameraSink(status::piecePublished, status::pieceFailed);
    }

    /** The same for an import: Kafka's answers go to {@code published} (media bytes) and {@code failed}. */
    public PieceSink sink(LongConsumer published, Runnable failed) {
        return new CameraSink(published, failed);
    }

    private final class CameraSink implements PieceSink {

        private final LongConsumer published;
        private final Runnable failed;
        /** Sessions that lost a piece, with the reason; failures of ended sessions may still arrive, so keyed by session. */
        private final Map<String, String> failedSessions = new ConcurrentHashMap<>();

        CameraSink(LongConsumer published, Runnable failed) {
            this.published = published;
            this.failed = failed;
        }

        /**
         * Hands the piece to the producer; the outcome is counted on the camera's status when Kafka answers.
         * Blocks while the producer's buffer is full, so a slow Kafka slows the camera down instead of
         * filling the heap.
         *
         * @throws KafkaException if a piece of this session was not written, this one included when
         *                        the producer refused it at once
         */
        @Override
        public void accept(MediaPiece piece) {
            String cameraId = piece.header().cameraId();
            String sessionId = piece.header().sessionId();
            // late answers about ended sessions are of no use any more
            failedSessions.keySet().removeIf(id -> !id.equals(sessionId));
            throwIfFailed(sessionId);
            producer.send(new ProducerRecord<>(Topics.MEDIA, cameraId, piece), (metadata, error) -> {
                if (error == null) {
                    published.accept(piece.mediaBytes());
                } else {
                    failed.run();
                    failedSessions.putIfAbsent(sessionId, "piece " + piece.header().sequence() + " was not written to Kafka: " + error);
                    LOG.errorf("camera %s: piece %d of session %s was not written to Kafka and is lost: %s",
                            cameraId, piece.header().sequence(), sessionId, error.toString());
                }
            });
            // the producer calls back at once, on this thread, when it refuses the piece outright
            throwIfFailed(sessionId);
        }

        private void throwIfFailed(String sessionId) {
            String reason = failedSessions.get(sessionId);
            if (reason != null) {
                throw new KafkaException(reason);
            }
        }
    }

    @PreDestroy
    void close() {
        // sends what is still buffered, the last pieces of the stopped sessions included
        producer.close(Duration.ofSeconds(10));
    }
}
