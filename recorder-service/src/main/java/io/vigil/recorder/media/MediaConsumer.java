package io.vigil.recorder.media;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import io.vigil.contracts.kafka.DeadLetter;
import io.vigil.contracts.kafka.DeadLetterException;
import io.vigil.contracts.kafka.DeadLetters;
import io.vigil.recorder.announce.AnnouncementFailedException;
import io.vigil.recorder.camera.CameraRecorders;
import io.vigil.recorder.camera.Outcome;
import io.vigil.recorder.config.RecorderConfig;
import io.vigil.recorder.metrics.RecorderMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code vigil.media} (group {@code vigil-recorder}) one record at a time, in order, and
 * acknowledges a record only once its piece is on disk or known to be there already: the commit
 * strategy then commits nothing that was not written. A write that fails is retried in place with
 * a backoff, because skipping it would leave a hole in the recording. A malformed record is
 * acknowledged once its dead letter is stored ({@code vigil.dead-letter}), so the camera's later
 * pieces go on being recorded and the bad one can still be looked at.
 */
@ApplicationScoped
public class MediaConsumer {

    private static final Logger LOG = Logger.getLogger(MediaConsumer.class);
    private static final CompletionStage<Void> NOT_ACKNOWLEDGED = CompletableFuture.completedFuture(null);

    private final CameraRecorders recorders;
    private final RecorderMetrics metrics;
    private final RecorderConfig config;
    private final WriteHealth health;
    private final DeadLetters deadLetters;

    @Inject
    MediaConsumer(CameraRecorders recorders, RecorderMetrics metrics, RecorderConfig config, @Readiness WriteHealth health,
                  DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.recorders = recorders;
        this.metrics = metrics;
        this.config = config;
        this.health = health;
    }

    @Incoming("media")
    @Blocking(ordered = true)
    public CompletionStage<Void> onRecord(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        MediaPiece piece;
        try {
            piece = MediaPieceCodec.decode(message.getPayload());
            if (!Objects.equals(record.getKey(), piece.header().cameraId())) {
                throw new MalformedRecordException("record key does not match the piece's camera id " + piece.header().cameraId());
            }
            PieceCheck.requireWellFormed(piece);
        } catch (MalformedRecordException e) {
            metrics.malformedRecord();
            DeadLetter letter = new DeadLetter(record.getTopic(), record.getPartition(), record.getOffset(),
                    (String) record.getKey(), message.getPayload(), e.getMessage());
            return deadLetter(letter) ? message.ack() : NOT_ACKNOWLEDGED;
        }
        return write(piece, record) ? message.ack() : NOT_ACKNOWLEDGED;
    }

    /** True when the record may be acknowledged; false when the recorder stops before Kafka stored its dead letter. */
    private boolean deadLetter(DeadLetter letter) {
        try {
            if (!deadLetters.store(letter, recorders::isStopped,
                    why -> LOG.errorf("%s; retrying, its offset stays uncommitted until it is stored", why))) {
                return false;
            }
            LOG.warnf("malformed media record %s sent to the dead-letter topic: %s", letter.source(), letter.reason());
            return true;
        } catch (DeadLetterException e) {
            // Kafka will never take it (the dead-letter topic was set up smaller than the media topic): keep going
            LOG.errorf("skipped malformed media record %s (%s); %s", letter.source(), letter.reason(), e.getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when the record may be acknowledged; false when this replica gave the camera up meanwhile. */
    private boolean write(MediaPiece piece, IncomingKafkaRecordMetadata<?, ?> record) {
        RetryBackoff backoff = new RetryBackoff(config.retry().initial(), config.retry().max());
        while (true) {
            try {
                Outcome outcome = recorders.record(piece, record.getPartition());
                health.writing();
                return outcome != Outcome.NOT_OWNED;
            } catch (IOException | UncheckedIOException | AnnouncementFailedException e) {
                Duration wait = backoff.next();
                String problem = "camera " + piece.header().cameraId() + ": piece " + piece.header().sequence()
                        + " of session " + piece.header().sessionId() + " (" + record.getTopic() + "-" + record.getPartition()
                        + " offset " + record.getOffset() + ") not written: " + e;
                health.failing(problem);
                LOG.errorf("%s; retrying in %d ms, its offset stays uncommitted until it is written", problem, wait.toMillis());
                if (!backoff.pause(wait, recorders::isStopped)) {
                    return false;
                }
            }
        }
    }
}
