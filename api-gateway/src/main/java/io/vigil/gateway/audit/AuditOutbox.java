package io.vigil.gateway.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.AckedPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies the audit entries of {@code audit_outbox} to {@code vigil.audit} (key the entry id) and
 * deletes their outbox rows once Kafka acknowledged them. The rows are locked while they are
 * published ({@code skip locked}: replicas share the work); while Kafka is down they stay and are
 * sent when it is back. A crash between the acknowledgement and the commit sends an entry again:
 * readers keep one record per id. The gauge {@code vigil_gateway_audit_outbox_entries} says how many wait.
 */
@ApplicationScoped
public class AuditOutbox {

    private static final Logger LOG = Logger.getLogger(AuditOutbox.class);
    private static final String PENDING = "select " + AuditLog.COLUMNS.replaceAll("(^|, )", "$1e.")
            + " from audit_outbox o join audit_entry e on e.id = o.entry_id"
            + " order by o.queued_at limit $1 for update of o skip locked";

    private final Pool pool;
    private final AckedPublisher publisher;
    /** A backlog is counted at most this often: while Kafka is down it can grow to millions of rows. */
    private static final Duration COUNT_EVERY = Duration.ofSeconds(15);
    private static final String OUTBOX_GAUGE = "vigil.gateway.audit.outbox.entries";

    private final int batch;
    private final AtomicLong waiting = new AtomicLong();
    private volatile boolean failing;
    private volatile long countedAt = System.nanoTime() - COUNT_EVERY.toNanos();

    AuditOutbox(Pool pool, AckedPublisher publisher, AuditConfig config, MeterRegistry meters) {
        this.pool = pool;
        this.publisher = publisher;
        this.batch = config.outboxBatch();
        // an app restarted in the same JVM (tests) would otherwise keep the gauge of its stopped predecessor
        meters.find(OUTBOX_GAUGE).gauges().forEach(meters::remove);
        Gauge.builder(OUTBOX_GAUGE, waiting, AtomicLong::get).description("audit entries not yet on vigil.audit").register(meters);
    }

    @Scheduled(every = "${vigil.audit.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drain() {
        return drainOnce().onFailure().recoverWithItem(e -> {
            if (!failing) {
                LOG.warnf("audit entries wait in the outbox: vigil.audit did not take them (%s); retrying", e.toString());
                failing = true;
            }
            return -1;
        }).chain(this::measure).replaceWithVoid();
    }

    /** A batch not full: nothing was left behind it (bar entries written since); otherwise the rows are counted. */
    private Uni<Void> measure(int sent) {
        if (sent >= 0 && sent < batch) {
            waiting.set(0);
            return Uni.createFrom().voidItem();
        }
        long now = System.nanoTime();
        if (now - countedAt < COUNT_EVERY.toNanos()) {
            return Uni.createFrom().voidItem();
        }
        countedAt = now;
        return pool.query("select count(*) from audit_outbox").execute()
                .invoke(rows -> waiting.set(rows.iterator().next().getLong(0)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
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
