package io.vigil.indexer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the catalog over a JDBC connection of its own, which stays open while a test takes
 * PostgreSQL away from the service (new connections refused, the service's ones closed).
 */
final class CatalogRows implements AutoCloseable {

    private final Connection connection;

    CatalogRows(Connection connection) {
        this.connection = connection;
    }

    /** The row of {@code path}, column name → value. */
    Optional<Map<String, Object>> row(String path) throws SQLException {
        return one("select * from recording where path = ?", path);
    }

    /** The {@code event} row of {@code id}, column name → value. */
    Optional<Map<String, Object>> event(String id) throws SQLException {
        return one("select * from event where id = ?", id);
    }

    private Optional<Map<String, Object>> one(String sql, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new HashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
                }
                return Optional.of(row);
            }
        }
    }

    long count(String path) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from recording where path = ?")) {
            query.setString(1, path);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** New connections to the database refused, and every other one closed, as in an outage. */
    void refuseConnections() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter database " + database() + " connection limit 0");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()");
        }
    }

    void allowConnections() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter database " + database() + " connection limit -1");
        }
    }

    private String database() throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet name = sql.executeQuery("select current_database()")) {
            name.next();
            return name.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
