package io.vigil.devstack.quarkus;

import io.vigil.devstack.Database;
import io.vigil.devstack.KafkaBroker;
import io.vigil.devstack.PostgresCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One Kafka broker and one PostgreSQL cluster per test JVM, started on first use and stopped when
 * the JVM exits. Quarkus loads test resources in a new class loader for each test profile, so a
 * static field would not be shared: the handles live in the system properties, typed only with
 * JDK interfaces, and the lock is an interned string - both the same in every class loader.
 * Logs go under {@code target/devstack} of the module under test.
 */
final class SharedInfrastructure {

    private static final String LOCK = "io.vigil.devstack.quarkus.SharedInfrastructure";
    private static final String KAFKA = "io.vigil.devstack.kafka";
    private static final String POSTGRES = "io.vigil.devstack.postgres";

    private SharedInfrastructure() {
    }

    /** {@code bootstrap.servers} of the JVM's broker. */
    static String kafkaBootstrapServers() {
        return SharedInfrastructure.<Supplier<String>>shared(KAFKA, () -> {
            KafkaBroker broker = KafkaBroker.start(workDir("kafka-"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "vigil-kafka-shutdown"));
            String servers = broker.bootstrapServers();
            return () -> servers;
        }).get();
    }

    /** A new database ({@code test_1}, {@code test_2}...) in the JVM's cluster, as Quarkus datasource properties. */
    static Map<String, String> newDatabase() {
        return SharedInfrastructure.<Supplier<Map<String, String>>>shared(POSTGRES, () -> {
            PostgresCluster cluster = PostgresCluster.start(workDir("postgres-"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "vigil-postgres-shutdown"));
            AtomicInteger databases = new AtomicInteger();
            return () -> asProperties(cluster.createDatabase("test_" + databases.incrementAndGet()));
        }).get();
    }

    private static Map<String, String> asProperties(Database database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(String key, Supplier<T> starter) {
        synchronized (LOCK) {
            Properties properties = System.getProperties();
            Object handle = properties.get(key);
            if (handle == null) {
                handle = starter.get();
                properties.put(key, handle);
            }
            return (T) handle;
        }
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
