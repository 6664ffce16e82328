package io.vigil.indexer.catalog;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @Test
    void waitsForOutages() {
        assertThat(FailureKind.isTransient(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(FailureKind.isTransient(pg("53300", "too many connections for database"))).isTrue();
        assertThat(FailureKind.isTransient(pg("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(FailureKind.isTransient(new RuntimeException("wrapped", pg("40001", "could not serialize access")))).isTrue();
    }

    @Test
    void givesUpOnWhatPostgresAlwaysRefuses() {
        assertThat(FailureKind.isTransient(new RuntimeException("wrapped", pg("23505", "duplicate key")))).isFalse();
        assertThat(FailureKind.isTransient(pg("22001", "value too long for type character varying(64)"))).isFalse();
        assertThat(FailureKind.isTransient(pg("42P01", "relation \"recording\" does not exist"))).isFalse();
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }
}
