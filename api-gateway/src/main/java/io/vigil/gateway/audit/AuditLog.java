package io.vigil.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log in the catalog: {@link #write} inserts an entry and its outbox row in one
 * transaction (the outbox publisher copies it to vigil.audit), {@link #find} reads entries back.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    static final String COLUMNS = "id, at, actor, action, outcome, status, camera_id, recording_id, span_from, span_to,"
            + " target, client_address, export_id, export_sha256, export_bytes, detail";
    private static final String INSERT = "insert into audit_entry (" + COLUMNS + ")"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

    private final Pool pool;
    private final MeterRegistry meters;

    AuditLog(Pool pool, MeterRegistry meters) {
        this.pool = pool;
        this.meters = meters;
    }

    /** Completes once the entry is committed; fails when it is not (the caller decides what that refuses). */
    public Uni<Void> write(AuditEntry entry) {
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT).execute(tuple(entry))
                        .chain(() -> connection.preparedQuery("insert into audit_outbox (entry_id) values ($1)")
                                .execute(Tuple.of(entry.id()))))
                .invoke(() -> meters.counter("vigil.gateway.audit.entries", "action", entry.action(), "written", "true").increment())
                .onFailure().invoke(() -> meters.counter("vigil.gateway.audit.entries", "action", entry.action(), "written", "false").increment())
                .replaceWithVoid();
    }

    /**
     * Writes the entry without anyone waiting for it, e.g. from an event observer (a login); a failure
     * is logged and counted ({@code vigil.gateway.audit.entries{written=false}}).
     */
    public void record(AuditEntry entry) {
        write(entry).subscribe().with(ignored -> { }, e ->
                LOG.errorf("audit entry %s (%s by %s) not written: %s", entry.id(), entry.action(), entry.actor(), e.toString()));
    }

    /** Newest first; every filter optional. */
    public Uni<List<AuditEntry>> find(AuditQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        query.from().ifPresent(from -> condition(where, values, "at >= $", time(from)));
        query.to().ifPresent(to -> condition(where, values, "at < $", time(to)));
        query.actor().ifPresent(actor -> condition(where, values, "actor = $", actor));
        query.action().ifPresent(action -> condition(where, values, "action = $", action.code()));
        query.camera().ifPresent(camera -> condition(where, values, "camera_id = $", camera));
        values.add(query.limit());
        String sql = "select " + COLUMNS + " from audit_entry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by at desc, id desc limit $" + values.size();
        return pool.preparedQuery(sql).execute(Tuple.from(values))
                .map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    /** The entry of a successful export. */
    public Uni<Optional<AuditEntry>> export(UUID exportId) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_entry where export_id = $1").execute(Tuple.of(exportId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(entry(rows.iterator().next())) : Optional.empty());
    }

    /** The camera of a recording, for entries about it (null when there is no such recording). */
    Uni<String> cameraOf(long recordingId) {
        return pool.preparedQuery("select camera_id from recording where id = $1").execute(Tuple.of(recordingId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    private static void condition(List<String> where, List<Object> values, String clause, Object value) {
        values.add(value);
        where.add(clause + values.size());
    }

    static Tuple tuple(AuditEntry e) {
        return Tuple.from(Arrays.asList(e.id(), time(e.at()), e.actor(), e.action(), e.outcome(), e.status(), e.cameraId(),
                e.recordingId(), time(e.from()), time(e.to()), e.target(), e.clientAddress(), e.exportId(), e.sha256(),
                e.bytes(), e.detail()));
    }

    static AuditEntry entry(Row row) {
        return new AuditEntry(row.getUUID("id"), instant(row, "at"), row.getString("actor"), row.getString("action"),
                row.getString("outcome"), row.getInteger("status"), row.getString("camera_id"), row.getLong("recording_id"),
                instant(row, "span_from"), instant(row, "span_to"), row.getString("target"), row.getString("client_address"),
                row.getUUID("export_id"), row.getString("export_sha256"), row.getLong("export_bytes"), row.getString("detail"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
