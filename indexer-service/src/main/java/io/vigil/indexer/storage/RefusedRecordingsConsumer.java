package io.vigil.indexer.storage;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.StorageEvent;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.UntilCommitted;
import io.vigil.indexer.kafka.DeadLetterOffice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Duration;

/**
 * Turns the recorder's "recordings refused" events ({@code vigil.storage}, group {@code vigil-indexer})
 * into {@code storage_full} gaps, one per refusal (its start), widened by every later event of it.
 * Committed like the other consumers: only once the row is. Other storage events are passed over;
 * one that breaks the contract goes to the dead-letter topic.
 */
@ApplicationScoped
public class RefusedRecordingsConsumer {

    private final StorageGaps gaps;
    private final DeadLetterOffice deadLetters;
    private final Duration maxRetryDelay;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    RefusedRecordingsConsumer(StorageGaps gaps, IndexerConfig config, DeadLetterOffice deadLetters) {
        this.deadLetters = deadLetters;
        this.gaps = gaps;
        this.maxRetryDelay = config.catalogRetryMaxDelay();
    }

    @Incoming("storage")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        StorageEvent event;
        try {
            event = ContractJson.read(record.value(), StorageEvent.class);
        } catch (MalformedRecordException e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        if (!StorageEvent.RECORDINGS_REFUSED.equals(event.type())) {
            return;
        }
        String problem = event.problem();
        if (problem != null) {
            deadLetters.send(record, problem);
            return;
        }
        String detail = "recordings refused: the volume was " + event.usedPercent() + " % full (block at "
                + event.blockPercent() + " %); " + event.pieces() + " pieces not written";
        UntilCommitted.write(() -> gaps.storageFull(event.cameraId(), event.from(), event.to(), detail, clock.instant()),
                "the storage_full gap of " + event.cameraId() + " from " + event.from() + " (" + where + ")", maxRetryDelay,
                () -> stopping);
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
