package io.vigil.indexer.catalog;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Writes a consumed record's row, waiting out a PostgreSQL outage: the record is acknowledged (its
 * offset committed) only once the row is, so nothing is lost and a restart replays it. A row
 * PostgreSQL refuses for good is given up at once: retrying would fail the same way.
 */
public final class UntilCommitted {

    /** One write of the catalog. */
    @FunctionalInterface
    public interface Write {
        void run() throws CatalogException;
    }

    private static final Logger LOG = Logger.getLogger(UntilCommitted.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

    private UntilCommitted() {
    }

    /**
     * @param what     names the row and the record for the log, e.g. "the row of door/… (event at vigil.recordings-3@17)"
     * @param maxDelay the longest pause between attempts
     * @param stopping true once the service shuts down: the wait ends, the record stays unacknowledged
     * @return true once committed; false when PostgreSQL refused the row itself (logged)
     * @throws InterruptedException when interrupted, or stopping before the row was committed
     */
    public static boolean write(Write write, String what, Duration maxDelay, BooleanSupplier stopping) throws InterruptedException {
        Duration delay = FIRST_RETRY_DELAY;
        while (true) {
            try {
                write.run();
                return true;
            } catch (CatalogException e) {
                if (!e.isTransient()) {
                    LOG.errorf("PostgreSQL refused %s: %s", what, e.getMessage());
                    return false;
                }
                if (stopping.getAsBoolean()) {
                    throw new InterruptedException("shutting down before " + what + " was written");
                }
                LOG.warnf("catalog unavailable, %s waits %d ms: %s", what, delay.toMillis(), e.getMessage());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(maxDelay) <= 0 ? delay.multipliedBy(2) : maxDelay;
            }
        }
    }
}
