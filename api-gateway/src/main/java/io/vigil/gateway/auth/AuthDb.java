package io.vigil.gateway.auth;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The auth tables in the catalog, in plain SQL and blocking: callers run on worker threads (login hashes
 * passwords there anyway). The catalog is the only truth, so every replica sees a revocation at once.
 */
@ApplicationScoped
class AuthDb {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;

    AuthDb(Pool pool) {
        this.pool = pool;
    }

    RowSet<Row> query(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).await().atMost(TIMEOUT);
    }

    /** The first row, or null. */
    static Row first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next() : null;
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static String[] array(Set<String> cameras) {
        return cameras == null ? null : cameras.stream().sorted().toArray(String[]::new);
    }

    static Set<String> cameras(Row row) {
        String[] cameras = row.getArrayOfStrings("cameras");
        return cameras == null ? null : Grant.cameras(List.of(cameras));
    }
}
