package io.vigil.indexer.deletion;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One cleaner at a time across indexer replicas: a PostgreSQL session advisory lock, held by the
 * JDBC connection the cleaner works on for the whole pass. A replica that dies mid-pass loses its
 * connection and with it the lock, so another replica takes over on its next pass.
 */
@ApplicationScoped
public class CleanupLock {

    /** "vigil" + 1: one key for every deleting job (retention, storage protection). */
    static final long KEY = 0x76696769_6c000001L;

    private final AgroalDataSource dataSource;

    CleanupLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock on a connection of its own, or empty when another replica (or job) holds it. */
    public Optional<Held> tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** The held lock and its connection: every statement of the pass runs on it. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            }
        }
    }
}
