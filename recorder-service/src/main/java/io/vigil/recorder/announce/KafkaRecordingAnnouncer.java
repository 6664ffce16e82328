package io.vigil.recorder.announce;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigil.contracts.RecordingClosed;
import io.vigil.recorder.config.RecorderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@link RecordingClosed} to {@code vigil.recordings}, keyed by camera id (acks=all,
 * idempotent producer, see application.properties), and waits for the broker's acknowledgement:
 * a file counts as closed only once the indexer is sure to hear of it.
 */
@ApplicationScoped
public class KafkaRecordingAnnouncer implements RecordingAnnouncer {

    private final MutinyEmitter<RecordingClosed> recordings;
    private final RecorderConfig config;

    @Inject
    KafkaRecordingAnnouncer(@Channel("recordings") MutinyEmitter<RecordingClosed> recordings, RecorderConfig config) {
        this.recordings = recordings;
        this.config = config;
    }

    @Override
    public void announce(RecordingClosed closed) {
        Message<RecordingClosed> message = Message.of(closed)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(closed.cameraId()).build());
        try {
            recordings.sendMessage(message).await().atMost(config.announceTimeout());
        } catch (RuntimeException e) {
            throw new AnnouncementFailedException("could not announce " + closed.path() + " on vigil.recordings: " + e.getMessage(), e);
        }
    }
}
