package io.vigil.gateway.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.AckedPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies the audit entries of {@code audit_outbox} to {@code vigil.audit} (key the entry id) and
 * deletes their outbox rows once Kafka acknowledged them. The rows are locked while they are
 * published ({@code skip locked}: replicas share the work); while Kafka is down they stay and are
 * sent when it is back. A crash between the acknowledgement and the commit sends an entry again:
 * readers keep one record per id.
 */
@ApplicationScoped
public class AuditOutbox {

    private static final Logger LOG = Logger.getLogger(AuditOutbox.class);
    private static final String PENDING = "select " + AuditLog.COLUMNS.replaceAll("(^|, )", "$1e.")
            + " from audit_outbox o join audit_entry e on e.id = o.entry_id"
            + " order by o.queued_at limit $1 for update of o skip locked";

    private final Pool pool;
    private final AckedPublisher publisher;
    private final int batch;
    private volatile boolean failing;

    AuditOutbox(Pool pool, AckedPublisher publisher, AuditConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.batch = config.outboxBatch();
    }

    @Scheduled(every = "${vigil.audit.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return drainOnce().onFailure().recoverWithItem(e -> {
            if (!failing) {
                LOG.warnf("audit entries wait in the outbox: vigil.audit did not take them (%s); retrying", e.toString());
                failing = true;
            }
            return 0;
        }).replaceWithVoid();
    }

    /** Publishes one batch; the number of entries sent. */
    public Uni<Integer> drainOnce() {
        return pool.withTransaction(connection -> connection.preparedQuery(PENDING).execute(Tuple.of(batch)).chain(rows -> {
            List<AckedPublisher.Outgoing> records = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                AuditEntry entry = AuditLog.entry(row);
                ids.add(entry.id());
                records.add(new AckedPublisher.Outgoing(Topics.AUDIT, entry.id().toString(), entry.toRecord()));
            }
            if (records.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return publisher.publish(records)
                    .chain(() -> connection.preparedQuery("delete from audit_outbox where entry_id = any($1)")
                            .execute(Tuple.of(ids.toArray(new UUID[0]))))
                    .map(deleted -> records.size());
        })).invoke(sent -> {
            if (failing && sent > 0) {
                LOG.infof("vigil.audit takes entries again: %d sent from the outbox", sent);
                failing = false;
            }
        });
    }
}
