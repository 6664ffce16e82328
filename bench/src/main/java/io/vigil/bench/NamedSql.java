package io.vigil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement written as the gateway writes its native queries ({@code :camera}, {@code :from}),
 * run over JDBC: each {@code :name} becomes a {@code ?} bound by name, as Hibernate binds them, so
 * the text the database plans is the gateway's. {@code ::} casts are not parameters.
 */
final class NamedSql {

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    static NamedSql of(String sql) {
        StringBuilder jdbc = new StringBuilder();
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        return new NamedSql(jdbc.toString(), names);
    }

    String jdbc() {
        return jdbc;
    }

    /** Prepared and bound (instants as timestamptz, lists expanded beforehand by the caller's SQL). */
    PreparedStatement prepare(Connection connection, Map<String, ?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < names.size(); i++) {
            Object value = parameters.get(names.get(i));
            if (value == null && !parameters.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i) + " in " + jdbc);
            }
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

}
