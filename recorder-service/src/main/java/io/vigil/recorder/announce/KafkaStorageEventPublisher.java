package io.vigil.recorder.announce;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigil.contracts.StorageEvent;
import io.vigil.recorder.config.InstanceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;

/** Publishes "recordings refused" on {@code vigil.storage}, keyed by camera id, fire-and-forget. */
@ApplicationScoped
public class KafkaStorageEventPublisher implements StorageEventPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaStorageEventPublisher.class);

    private final MutinyEmitter<StorageEvent> events;
    private final String instance;
    private final InstantSource clock = InstantSource.system();

    @Inject
    KafkaStorageEventPublisher(@Channel("storage") MutinyEmitter<StorageEvent> events, InstanceName instance) {
        this.events = events;
        this.instance = instance.value();
    }

    @Override
    public void recordingsRefused(String cameraId, Instant from, Instant to, long pieces, boolean ongoing, double usedPercent,
                                  int blockPercent) {
        StorageEvent event = StorageEvent.recordingsRefused(clock.instant(), instance, usedPercent, blockPercent, cameraId,
                from, to, pieces, ongoing);
        Message<StorageEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(cameraId).build());
        try {
            events.sendMessage(message).subscribe().with(sent -> { }, failure -> failed(cameraId, failure));
        } catch (RuntimeException e) {
            failed(cameraId, e);
        }
    }

    private static void failed(String cameraId, Throwable failure) {
        LOG.warnf("camera %s: recordings refused event not published on vigil.storage: %s", cameraId, failure.getMessage());
    }
}
