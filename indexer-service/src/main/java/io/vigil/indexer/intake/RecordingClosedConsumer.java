package io.vigil.indexer.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.catalog.RecordingCatalog;
import io.vigil.indexer.catalog.UntilCommitted;
import io.vigil.indexer.gaps.GapDetector;
import io.vigil.indexer.indexing.RecordingIndexer;
import io.vigil.indexer.indexing.UnindexableRecordingException;
import io.vigil.indexer.kafka.DeadLetterOffice;
import io.vigil.indexer.metrics.IndexerMetrics;
import io.vigil.indexer.metrics.IndexerMetrics.Source;
import io.vigil.indexer.volume.InvalidRecordingPathException;
import io.vigil.indexer.volume.RecordingPath;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Catalogs each file the recorder announces on {@code vigil.recordings}, one at a time, in order.
 * The record is acknowledged (its offset committed) only when this method returns, so only after
 * the row is committed: while PostgreSQL is down it waits and retries, and nothing is lost. A record
 * no retry can fix - a malformed event, a path outside the root - goes to the dead-letter topic; an
 * event whose file is gone or unreadable is logged and passed over (the record is sound, the file is not).
 */
@ApplicationScoped
public class RecordingClosedConsumer {

    private static final Logger LOG = Logger.getLogger(RecordingClosedConsumer.class);

    private final RecordingsRoot root;
    private final RecordingIndexer indexer;
    private final RecordingCatalog catalog;
    private final IndexerMetrics metrics;
    private final GapDetector gaps;
    private final DeadLetterOffice deadLetters;
    private final Duration maxRetryDelay;
    private volatile boolean stopping;

    RecordingClosedConsumer(RecordingsRoot root, RecordingIndexer indexer, RecordingCatalog catalog,
                            IndexerMetrics metrics, GapDetector gaps, IndexerConfig config, DeadLetterOffice deadLetters) {
        this.deadLetters = deadLetters;
        this.root = root;
        this.indexer = indexer;
        this.catalog = catalog;
        this.metrics = metrics;
        this.gaps = gaps;
        this.maxRetryDelay = config.catalogRetryMaxDelay();
    }

    @Incoming("recordings")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Announcement announcement;
        RecordingPath path;
        try {
            announcement = Announcement.read(record.value());
            path = root.resolve(announcement.path());
        } catch (MalformedRecordException e) {
            metrics.skipped("malformed");
            deadLetters.send(record, e.getMessage());
            return;
        } catch (InvalidRecordingPathException e) {
            metrics.skipped("invalid-path");
            deadLetters.send(record, e.getMessage());
            return;
        }
        CatalogEntry entry;
        try {
            entry = indexer.describe(path, announcement.facts());
        } catch (UnindexableRecordingException e) {
            skip(e.reason(), "skipped recording event at %s: %s", where, e.getMessage());
            return;
        }
        if (UntilCommitted.write(() -> catalog.upsert(entry), "the row of " + entry.path() + " (event at " + where + ")",
                maxRetryDelay, () -> stopping)) {
            metrics.indexed(Source.EVENT);
            // with the row committed, its neighbours in the catalog tell whether footage is missing around it
            gaps.detect(entry, "event at " + where, () -> stopping);
        } else {
            // the backfill will meet the file again
            metrics.skipped("refused");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void skip(String reason, String format, String where, String message) {
        LOG.warnf(format, where, message);
        metrics.skipped(reason);
    }
}
