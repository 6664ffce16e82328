package io.vigil.recorder.announce;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigil.contracts.RecorderStatus;
import io.vigil.recorder.config.InstanceName;
import io.vigil.recorder.metrics.RecorderMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Publishes {@link RecorderStatus} to the compacted {@code vigil.recorder-status}, keyed by camera
 * id, fire-and-forget: the emitter hands the record to the producer's own sending thread and this
 * returns at once; a record Kafka does not take is logged and counted, never retried by the caller.
 * One producer (idempotent, see application.properties) keeps a camera's records in order, so the
 * latest one in the topic is the latest state.
 */
@ApplicationScoped
public class KafkaRecorderStatusPublisher implements RecorderStatusPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaRecorderStatusPublisher.class);

    private final MutinyEmitter<RecorderStatus> statuses;
    private final String instance;
    private final RecorderMetrics metrics;
    private final InstantSource clock = InstantSource.system();

    @Inject
    KafkaRecorderStatusPublisher(@Channel("recorder-status") MutinyEmitter<RecorderStatus> statuses, InstanceName instance,
                                 RecorderMetrics metrics) {
        this.statuses = statuses;
        this.instance = instance.value();
        this.metrics = metrics;
    }

    @Override
    public void fileOpened(String cameraId, String file, Instant fileStart, String eventId) {
        send(new RecorderStatus(RecorderStatus.VERSION, cameraId, instance, file, fileStart, eventId, clock.instant()));
    }

    @Override
    public void noFile(String cameraId) {
        send(new RecorderStatus(RecorderStatus.VERSION, cameraId, instance, null, null, null, clock.instant()));
    }

    private void send(RecorderStatus status) {
        Message<RecorderStatus> message = Message.of(status)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(status.cameraId()).build());
        try {
            statuses.sendMessage(message).subscribe().with(sent -> { }, failure -> failed(status, failure));
        } catch (RuntimeException e) {
            // the emitter's buffer is full (Kafka away for long) or the channel is stopping
            failed(status, e);
        }
    }

    private void failed(RecorderStatus status, Throwable failure) {
        metrics.statusFailed();
        LOG.warnf("camera %s: recorder status (file %s) not published on vigil.recorder-status: %s",
                status.cameraId(), status.file(), failure.getMessage());
    }
}
