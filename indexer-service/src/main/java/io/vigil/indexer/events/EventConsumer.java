package io.vigil.indexer.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.UntilCommitted;
import io.vigil.indexer.kafka.DeadLetterOffice;
import io.vigil.indexer.metrics.IndexerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the {@code event} table up to date from {@code vigil.events} (group {@code vigil-indexer}),
 * one record at a time, in order. As with recordings, a record is acknowledged only once its row
 * is committed: while PostgreSQL is down it waits and retries. A record that breaks the contract
 * is counted and sent to the dead-letter topic with its reason, and the next one follows.
 */
@ApplicationScoped
public class EventConsumer {

    private final EventCatalog catalog;
    private final IndexerMetrics metrics;
    private final DeadLetterOffice deadLetters;
    private final Duration maxRetryDelay;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    EventConsumer(EventCatalog catalog, IndexerMetrics metrics, IndexerConfig config, DeadLetterOffice deadLetters) {
        this.deadLetters = deadLetters;
        this.catalog = catalog;
        this.metrics = metrics;
        this.maxRetryDelay = config.catalogRetryMaxDelay();
    }

    @Incoming("events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        EventUpdate update;
        try {
            update = EventUpdate.read(record.value());
        } catch (MalformedRecordException e) {
            metrics.eventSkipped("malformed");
            deadLetters.send(record, e.getMessage());
            return;
        }
        boolean[] changed = {false};
        boolean written = UntilCommitted.write(() -> changed[0] = catalog.apply(update, clock.instant()),
                "the row of event " + update.eventId() + " (" + update.type() + " at " + where + ")", maxRetryDelay, () -> stopping);
        if (written) {
            metrics.eventApplied(update.type(), changed[0]);
        } else {
            metrics.eventSkipped("refused");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
