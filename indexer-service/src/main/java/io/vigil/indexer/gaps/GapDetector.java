package io.vigil.indexer.gaps;

import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.catalog.CatalogException;
import io.vigil.indexer.catalog.UntilCommitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * After a recording's row is committed, looks at the camera's recordings on either side of it in
 * the catalog and writes the gaps between them (docs/catalog.md). Recordings may be catalogued in
 * any order (the backfill finds files late) and any number of times: the result is the same.
 */
@ApplicationScoped
public class GapDetector {

    private static final Logger LOG = Logger.getLogger(GapDetector.class);

    private final GapCatalog catalog;
    private final GapMetrics metrics;
    private final GapClassifier classifier;
    private final Duration maxRetryDelay;
    private final Clock clock = Clock.systemUTC();

    GapDetector(GapCatalog catalog, GapMetrics metrics, GapConfig config, IndexerConfig indexer) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.classifier = new GapClassifier(config.tolerance());
        this.maxRetryDelay = indexer.catalogRetryMaxDelay();
    }

    /**
     * Detects around a recording consumed from Kafka, waiting out a PostgreSQL outage like the row
     * itself (the record stays unacknowledged meanwhile).
     *
     * @param where the record, for the log
     */
    public void detect(CatalogEntry entry, String where, BooleanSupplier stopping) throws InterruptedException {
        UntilCommitted.write(() -> detectNow(entry), "the gaps around " + entry.path() + " (" + where + ")", maxRetryDelay, stopping);
    }

    /** Detects once. */
    public void detectNow(CatalogEntry entry) throws CatalogException {
        GapCatalog.Outcome outcome = catalog.around(Neighbour.of(entry), classifier, clock.instant());
        if (outcome.retracted() > 0) {
            LOG.infof("camera %s: %d gap(s) taken back, %s fills them", entry.cameraId(), outcome.retracted(), entry.path());
            metrics.retracted(entry.cameraId(), outcome.retracted());
        }
        for (Gap gap : outcome.inserted()) {
            LOG.infof("camera %s: gap %s to %s (%s): %s", gap.cameraId(), gap.start(), gap.end(), gap.cause().wireName(), gap.detail());
            metrics.recorded(gap);
        }
    }
}
