package io.vigil.indexer.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.DeadLetter;
import io.vigil.contracts.kafka.DeadLetterException;
import io.vigil.contracts.kafka.DeadLetters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;

/**
 * Sends the records the indexer's consumers cannot use to {@code vigil.dead-letter} (group
 * {@code vigil-indexer} in the header), waiting until Kafka has stored each: the consumer returns,
 * and its offset is committed, only after that.
 */
@ApplicationScoped
public class DeadLetterOffice {

    private static final Logger LOG = Logger.getLogger(DeadLetterOffice.class);

    private final DeadLetters letters;
    private volatile boolean stopping;

    DeadLetterOffice(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.letters = new DeadLetters(kafka, "vigil-indexer", Duration.ofSeconds(10));
    }

    /**
     * Blocks until the record's dead letter is stored.
     *
     * @throws IllegalStateException when the indexer stops first: the record must stay uncommitted
     */
    public void send(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
        DeadLetter letter = DeadLetter.of(record, reason);
        try {
            if (!letters.store(letter, () -> stopping, why -> LOG.errorf("%s; retrying, the record stays uncommitted", why))) {
                throw new IllegalStateException("stopping before the dead letter of " + letter.source() + " was stored");
            }
            LOG.warnf("record %s sent to the dead-letter topic: %s", letter.source(), letter.reason());
        } catch (DeadLetterException e) {
            LOG.errorf("skipped record %s (%s); %s", letter.source(), letter.reason(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        letters.close();
    }
}
