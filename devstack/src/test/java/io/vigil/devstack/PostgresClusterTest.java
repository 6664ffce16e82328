package io.vigil.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresClusterTest {

    @TempDir
    static Path workDir;
    static PostgresCluster cluster;

    @BeforeAll
    static void start() {
        cluster = PostgresCluster.start(workDir);
    }

    @AfterAll
    static void close() {
        cluster.close();
    }

    @Test
    void createsADatabaseTheVigilUserOwnsAndCanWrite() throws Exception {
        Database database = cluster.createDatabase("catalog_test");

        assertThat(database.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + cluster.port() + "/catalog_test");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE camera (id text PRIMARY KEY)");
            statement.execute("INSERT INTO camera VALUES ('front-door')");
            try (ResultSet result = statement.executeQuery("SELECT current_database(), current_user, (SELECT id FROM camera)")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("catalog_test");
                assertThat(result.getString(2)).isEqualTo(PostgresCluster.USER);
                assertThat(result.getString(3)).isEqualTo("front-door");
            }
        }
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> cluster.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }

    @Test
    void reportsADuplicateDatabaseWithPsqlsMessage() {
        cluster.createDatabase("twice");
        assertThatThrownBy(() -> cluster.createDatabase("twice"))
                .hasMessageContaining("already exists");
    }
}
