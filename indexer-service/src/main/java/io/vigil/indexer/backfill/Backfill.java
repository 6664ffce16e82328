package io.vigil.indexer.backfill;

import io.quarkus.scheduler.Scheduled;
import io.vigil.indexer.IndexerConfig;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.catalog.CatalogException;
import io.vigil.indexer.catalog.RecordingCatalog;
import io.vigil.indexer.gaps.GapDetector;
import io.vigil.indexer.indexing.RecordingFacts;
import io.vigil.indexer.indexing.RecordingIndexer;
import io.vigil.indexer.indexing.UnindexableRecordingException;
import io.vigil.indexer.metrics.IndexerMetrics;
import io.vigil.indexer.metrics.IndexerMetrics.Source;
import io.vigil.indexer.volume.RecordingPath;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Catalogs the recordings no event announced: files closed while the indexer or Kafka was down,
 * or left by a recorder that crashed before announcing them. At start and then every
 * {@code vigil.indexer.backfill-interval}, it walks the volume, asks the catalog which files it
 * knows in batches, and indexes the rest. Files written recently are left alone: they may still
 * be open, and their event will come.
 */
@ApplicationScoped
public class Backfill {

    private static final Logger LOG = Logger.getLogger(Backfill.class);
    /** Paths per "which of these have a row?" query. */
    static final int BATCH = 500;

    private final RecordingsRoot root;
    private final RecordingIndexer indexer;
    private final RecordingCatalog catalog;
    private final IndexerMetrics metrics;
    private final GapDetector gaps;
    private final Duration minAge;
    private final Clock clock = Clock.systemUTC();

    Backfill(RecordingsRoot root, RecordingIndexer indexer, RecordingCatalog catalog, IndexerMetrics metrics,
             GapDetector gaps, IndexerConfig config) {
        this.root = root;
        this.indexer = indexer;
        this.catalog = catalog;
        this.metrics = metrics;
        this.gaps = gaps;
        this.minAge = config.backfillMinAge();
    }

    @Scheduled(identity = "backfill", every = "${vigil.indexer.backfill-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int cataloged = run();
            if (cataloged > 0) {
                LOG.infof("backfill cataloged %d recordings no event had announced", cataloged);
            }
        } catch (CatalogException e) {
            LOG.warnf("backfill stopped until its next run: %s", e.getMessage());
        } catch (IOException e) {
            LOG.warnf("backfill cannot walk the recordings volume: %s", e.getMessage());
        }
    }

    /** One pass over the volume; returns how many recordings it cataloged. */
    public int run() throws IOException, CatalogException {
        Instant settled = clock.instant().minus(minAge);
        List<RecordingPath> batch = new ArrayList<>(BATCH);
        int[] cataloged = {0};
        root.forEachRecording(file -> {
            if (file.modified().isBefore(settled)) {
                batch.add(file.path());
                if (batch.size() == BATCH) {
                    cataloged[0] += catalogUnknown(batch);
                    batch.clear();
                }
            }
        });
        return cataloged[0] + catalogUnknown(batch);
    }

    private int catalogUnknown(List<RecordingPath> batch) throws CatalogException {
        Set<String> known = catalog.cataloged(batch.stream().map(RecordingPath::relative).toList());
        int cataloged = 0;
        for (RecordingPath recording : batch) {
            if (!known.contains(recording.relative()) && catalog(recording)) {
                cataloged++;
            }
        }
        return cataloged;
    }

    private boolean catalog(RecordingPath recording) throws CatalogException {
        Optional<RecordingFacts> facts = FileFacts.of(recording);
        if (facts.isEmpty()) {
            LOG.warnf("backfill passed over %s: neither a journal nor its name tells when it started", recording.relative());
            metrics.skipped("no-start");
            return false;
        }
        CatalogEntry entry;
        try {
            entry = indexer.describe(recording, facts.get());
            catalog.upsert(entry);
        } catch (UnindexableRecordingException e) {
            LOG.warnf("backfill passed over %s", e.getMessage());
            metrics.skipped(e.reason());
            return false;
        } catch (CatalogException e) {
            if (e.isTransient()) {
                throw e;
            }
            // PostgreSQL will always refuse this one row: skip it, or every pass would stop here
            LOG.warnf("backfill passed over %s: the catalog refused it: %s", recording.relative(), e.getMessage());
            metrics.skipped("refused");
            return false;
        }
        metrics.indexed(Source.BACKFILL);
        metrics.backfilled();
        detectGaps(entry);
        return true;
    }

    /** A file found late may fill a gap or show one; an outage stops the pass (the next one finds the row and moves on). */
    private void detectGaps(CatalogEntry entry) throws CatalogException {
        try {
            gaps.detectNow(entry);
        } catch (CatalogException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.warnf("backfill: the gaps around %s were not written: %s", entry.path(), e.getMessage());
        }
    }
}
