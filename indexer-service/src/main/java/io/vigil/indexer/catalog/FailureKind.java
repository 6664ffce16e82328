package io.vigil.indexer.catalog;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

import java.util.Set;

/** Sorts database failures into the ones that pass (retry) and the ones that do not (give up). */
final class FailureKind {

    /**
     * SQLSTATE classes of failures that pass: connection exceptions, transaction rollbacks
     * (serialization, deadlock), insufficient resources, operator intervention (shutdown,
     * "cannot connect now"), system errors.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private FailureKind() {
    }

    /**
     * PostgreSQL's own verdict when it gave one; anything else (refused or lost connections,
     * timeouts) is an outage, since nothing was said about the statement itself.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = sqlState(cause);
            if (state != null && state.length() == 5) {
                return TRANSIENT_CLASSES.contains(state.substring(0, 2));
            }
        }
        return true;
    }

    /** The SQLSTATE, whether the driver's exception or Hibernate's wrapper of it carries it. */
    private static String sqlState(Throwable failure) {
        if (failure instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (failure instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }
}
