package io.vigil.indexer.storage;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigil.contracts.StorageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Publishes the indexer's {@link StorageEvent}s on {@code vigil.storage}, keyed {@code volume}. The
 * caller (a scheduled job on a worker thread) waits a few seconds for Kafka's acknowledgement; an
 * event Kafka does not take is logged and reported, and protecting the volume goes on regardless.
 */
@ApplicationScoped
public class StorageEvents {

    private static final Logger LOG = Logger.getLogger(StorageEvents.class);

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<StorageEvent> events;
    private final String instance = instanceName();

    StorageEvents(@Channel("storage-events") MutinyEmitter<StorageEvent> events) {
        this.events = events;
    }

    String instance() {
        return instance;
    }

    /** @return true once Kafka acknowledged it */
    boolean publish(StorageEvent event) {
        Message<StorageEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(StorageEvent.VOLUME_KEY).build());
        try {
            events.sendMessage(message).await().atMost(SEND_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            // includes the channel not being connected yet, right after start
            LOG.warnf("storage event %s not published: %s", event.type(), e.getMessage());
            return false;
        }
    }

    private static String instanceName() {
        String hostname = System.getenv("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "indexer";
        }
    }
}
