package io.vigil.contracts.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dead letters for consumers that commit nothing and rebuild their state by reading their topics
 * again: it sends without waiting, so a camera thread or a rebalance never waits for Kafka, and a
 * dead letter Kafka did not take is sent again when the record is next read. Within one process each
 * record is sent once, however often a rebuild reads it again.
 */
public final class DeadLetterSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeadLetterSender.class.getName());
    private static final int REMEMBERED = 10_000;

    private final DeadLetters letters;
    private final Set<String> sent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    public DeadLetterSender(DeadLetters letters) {
        this.letters = letters;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        DeadLetter letter = DeadLetter.of(record, reason);
        if (!sent.add(letter.source())) {
            return;
        }
        letters.send(letter).whenComplete((ignored, error) -> {
            if (error == null) {
                LOG.log(System.Logger.Level.WARNING, "record {0} sent to the dead-letter topic: {1}", letter.source(), letter.reason());
            } else {
                sent.remove(letter.source());
                LOG.log(System.Logger.Level.ERROR, "record {0} ({1}): {2}", letter.source(), letter.reason(),
                        DeadLetters.failure(letter, error).getMessage());
            }
        });
    }

    @Override
    public void close() {
        letters.close();
    }
}
