package io.vigil.gateway.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes audit entries older than {@code vigil.audit.retention}, in batches, never one whose Kafka
 * copy is still in the outbox. The only delete the append-only trigger lets through: it says so
 * with {@code SET LOCAL vigil.audit_prune = 'on'} in its own transaction.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final int BATCH = 10_000;
    private static final String PRUNE = "delete from audit_entry where id in (select e.id from audit_entry e"
            + " where e.at < $1 and not exists (select 1 from audit_outbox o where o.entry_id = e.id) limit " + BATCH + ")";

    private final Pool pool;
    private final Duration retention;

    AuditRetention(Pool pool, AuditConfig config) {
        this.pool = pool;
        this.retention = config.retention();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return pruneBefore(Instant.now().minus(retention))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("audit retention: %d entries older than %s deleted", deleted, retention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("audit retention failed, retried in an hour: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes up to one batch of entries before {@code cutoff}; how many. */
    public Uni<Integer> pruneBefore(Instant cutoff) {
        return pool.withTransaction(connection -> connection.query("set local vigil.audit_prune = 'on'").execute()
                .chain(() -> connection.preparedQuery(PRUNE).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC))))
                .map(rows -> rows.rowCount()));
    }
}
