package io.vigil.recorder.media;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
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
 * a backoff, because skipping it would leave a hole in the recording.
 */
@ApplicationScoped
public class MediaConsumer {

    private static final Logger LOG = Logger.getLogger(MediaConsumer.class);
    private static final CompletionStage<Void> NOT_ACKNOWLEDGED = CompletableFuture.completedFuture(null);

    private final CameraRecorders recorders;
    private final RecorderMetrics metrics;
    private final RecorderConfig config;
    private final WriteHealth health;

    @Inject
    MediaConsumer(CameraRecorders recorders, RecorderMetrics metrics, RecorderConfig config, @Readiness WriteHealth health) {
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
            // a dead-letter topic will keep these; until then the log says where to find it
            metrics.malformedRecord();
            LOG.warnf("skipped malformed media record %s-%d offset %d: %s", record.getTopic(), record.getPartition(), record.getOffset(), e.getMessage());
            return message.ack();
        }
        return write(piece, record) ? message.ack() : NOT_ACKNOWLEDGED;
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
