package io.vigil.indexer.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Every camera's policy from the {@code camera} table; a camera not in it gets {@link RetentionPolicy#DEFAULT}. */
record RetentionPolicies(Map<String, RetentionPolicy> byCamera) {

    static RetentionPolicies load(Connection connection) throws SQLException {
        Map<String, RetentionPolicy> policies = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id, retention_days, retention_bytes from camera");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long cap = rows.getLong(3);
                Long bytesCap = rows.wasNull() ? null : cap;
                // the gateway validates both; a row edited by hand is read as the nearest sane policy
                policies.put(rows.getString(1), new RetentionPolicy(Math.max(1, rows.getInt(2)),
                        bytesCap == null ? null : Math.max(0, bytesCap)));
            }
        }
        return new RetentionPolicies(Map.copyOf(policies));
    }

    RetentionPolicy of(String cameraId) {
        return byCamera.getOrDefault(cameraId, RetentionPolicy.DEFAULT);
    }
}
