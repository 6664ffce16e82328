package io.vigil.gateway;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Writes to the test application's catalog over JDBC, as the indexer (or an operator) would. */
public final class TestCatalog {

    private TestCatalog() {
    }

    /** A recording row as the indexer writes it; returns its id. */
    public static long insertRecording(String cameraId, String path, Instant start, Instant end, long bytes) {
        String sql = """
                insert into recording (camera_id, path, start_time, end_time, duration_ms, bytes, codec, width, height,
                                       fps, session_id, first_sequence, last_sequence, piece_count, indexed_at)
                values (?, ?, ?, ?, ?, ?, 'avc1.64001f', 1280, 720, 25.0, 'session-1', 0, 14, 15, now())
                returning id""";
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cameraId);
            statement.setString(2, path);
            statement.setTimestamp(3, Timestamp.from(start));
            statement.setTimestamp(4, Timestamp.from(end));
            statement.setLong(5, Duration.between(start, end).toMillis());
            statement.setLong(6, bytes);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot insert a recording", e);
        }
    }

    /** Runs one statement, e.g. a camera inserted behind the gateway's back. */
    public static void execute(String sql) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new AssertionError("cannot run " + sql, e);
        }
    }

    /** Runs one statement with parameters (instants as timestamps); returns the rows changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("cannot run " + sql, e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String single(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot run " + sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i]);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
