package io.vigil.devstack;

/** A database of a {@link PostgresCluster}: the same database as a JDBC URL (Flyway) and a reactive URL (Vert.x client). */
public record Database(String jdbcUrl, String reactiveUrl, String username, String password) {
}
