package io.vigil.devstack.quarkus;

import io.vigil.devstack.Database;
import io.vigil.devstack.KafkaBroker;
import io.vigil.devstack.PostgresCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One Kafka broker and one PostgreSQL cluster per test JVM, started on first use and stopped when
 * the JVM exits. Quarkus loads test resources in a new class loader for each test profile, so a
 * static field would not be shared: what is shared lives in the system properties, as strings only
 * (other code, Narayana for one, copies every system property and fails on anything else), and the
 * lock is an interned string - both the same in every class loader.
 * Logs go under {@code target/devstack} of the module under test.
 */
final class SharedInfrastructure {

    private static final String LOCK = "io.vigil.devstack.quarkus.SharedInfrastructure";
    private static final String KAFKA = "io.vigil.devstack.kafka.bootstrap-servers";
    private static final String POSTGRES_PORT = "io.vigil.devstack.postgres.port";
    private static final String POSTGRES_LOGS = "io.vigil.devstack.postgres.logs";
    private static final String DATABASES = "io.vigil.devstack.postgres.databases";

    private SharedInfrastructure() {
    }

    /** {@code bootstrap.servers} of the JVM's broker. */
    static String kafkaBootstrapServers() {
        synchronized (LOCK) {
            String servers = System.getProperty(KAFKA);
            if (servers == null) {
                KafkaBroker broker = KafkaBroker.start(workDir("kafka-"));
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "vigil-kafka-shutdown"));
                servers = broker.bootstrapServers();
                System.setProperty(KAFKA, servers);
            }
            return servers;
        }
    }

    /** A new database ({@code test_1}, {@code test_2}...) in the JVM's cluster, as Quarkus datasource properties. */
    static Map<String, String> newDatabase() {
        synchronized (LOCK) {
            if (System.getProperty(POSTGRES_PORT) == null) {
                PostgresCluster cluster = PostgresCluster.start(workDir("postgres-"));
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "vigil-postgres-shutdown"));
                System.setProperty(POSTGRES_LOGS, cluster.logDir().toString());
                System.setProperty(POSTGRES_PORT, String.valueOf(cluster.port()));
            }
            int number = Integer.parseInt(System.getProperty(DATABASES, "0")) + 1;
            System.setProperty(DATABASES, String.valueOf(number));
            Database database = PostgresCluster.createDatabase(Integer.parseInt(System.getProperty(POSTGRES_PORT)),
                    Path.of(System.getProperty(POSTGRES_LOGS)), "test_" + number);
            return asProperties(database);
        }
    }

    private static Map<String, String> asProperties(Database database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    /** A fresh directory per JVM under target/devstack (surefire runs in the module directory), else under the temp dir. */
    private static Path workDir(String prefix) {
        try {
            Path target = Path.of("target");
            Path base = Files.isDirectory(target)
                    ? Files.createDirectories(target.resolve("devstack"))
                    : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base.toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the test infrastructure", e);
        }
    }
}
