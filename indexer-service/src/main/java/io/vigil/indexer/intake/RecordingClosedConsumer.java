package io.vigil.indexer.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.catalog.RecordingCatalog;
import io.vigil.indexer.catalog.UntilCommitted;
import io.vigil.indexer.indexing.RecordingIndexer;
import io.vigil.indexer.indexing.UnindexableRecordingException;
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
 * the row is committed: while PostgreSQL is down it waits and retries, and nothing is lost. What
 * no retry can fix - a malformed event, a path outside the root, a file gone - is logged and passed over.
 */
@ApplicationScoped
public class RecordingClosedConsumer {

    private static final Logger LOG = Logger.getLogger(RecordingClosedConsumer.class);

    private final RecordingsRoot root;
    private final RecordingIndexer indexer;
    private final RecordingCatalog catalog;
    private final IndexerMetrics metrics;
    private final Duration maxRetryDelay;
    private volatile boolean stopping;

    RecordingClosedConsumer(RecordingsRoot root, RecordingIndexer indexer, RecordingCatalog catalog,
                            IndexerMetrics metrics, IndexerConfig config) {
        this.root = root;
        this.indexer = indexer;
        this.catalog = catalog;
        this.metrics = metrics;
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
            skip("malformed", "skipped malformed recording event at %s: %s", where, e.getMessage());
            return;
        } catch (InvalidRecordingPathException e) {
            skip("invalid-path", "skipped recording event at %s: %s", where, e.getMessage());
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
