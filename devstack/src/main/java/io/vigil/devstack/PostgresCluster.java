package io.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A throw-away PostgreSQL 15 cluster from Debian's packages, on a free loopback port, with a
 * {@value #USER} role that owns the databases it creates. PostgreSQL refuses to run as root, so
 * as root the cluster runs as the {@code postgres} OS user, in a directory of its own under the
 * system temp dir (the work directory may not be reachable by that user); its log is in the work
 * directory. Tuned for tests: no fsync, so it is not for data you want to keep.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "vigil";
    public static final String PASSWORD = "vigil";

    private static final System.Logger LOG = System.getLogger(PostgresCluster.class.getName());
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private ChildProcess server;

    private PostgresCluster(Path dataDir, Path logDir, int port) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = port;
    }

    /** Creates and starts a cluster (about 2 s); its log is {@code workDir/postgres/postgres.log}. */
    public static PostgresCluster start(Path workDir) {
        if (!Files.isExecutable(BIN.resolve("postgres"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (" + BIN + "); run ./vigil test or apt-get install postgresql-15");
        }
        Path logDir = workDir.toAbsolutePath().resolve("postgres");
        PostgresCluster cluster = new PostgresCluster(newDataDir(logDir), logDir, FreePorts.next());
        try {
            cluster.initialise();
            cluster.launch();
            cluster.psql("postgres", "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Creates an empty database owned by {@value #USER}; names are lower-case SQL identifiers. */
    public Database createDatabase(String name) {
        return createDatabase(port, logDir, name);
    }

    /**
     * Creates a database in the cluster listening on {@code port}, for callers that know the cluster
     * only by its port (test resources share nothing else across Quarkus class loaders).
     */
    public static Database createDatabase(int port, Path logDir, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        psql(port, logDir, "postgres", "CREATE DATABASE " + name + " OWNER " + USER);
        return new Database(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + name,
                "postgresql://127.0.0.1:" + port + "/" + name,
                USER, PASSWORD);
    }

    /** Where psql and the server log. */
    public Path logDir() {
        return logDir;
    }

    public int port() {
        return port;
    }

    /** Runs SQL as the superuser through psql; fails with psql's message. */
    public void psql(String database, String sql) {
        psql(port, logDir, database, sql);
    }

    private static void psql(int port, Path logDir, String database, String sql) {
        ChildProcess.run("psql", List.of(BIN.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", database, "-c", sql),
                logDir.resolve("psql.log"), 30);
    }

    /** A fast shutdown that keeps the data, for tests of a catalog outage; {@link #restart} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(30);
            server = null;
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public synchronized void restart() {
        if (server == null) {
            launch();
        }
    }

    /** Fast shutdown, then the data is deleted. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(30);
            server = null;
        }
        DirectoryTrees.delete(dataDir);
    }

    private void initialise() {
        ChildProcess.run("initdb", asPostgres(BIN.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
                logDir.resolve("initdb.log"), 120);
    }

    private void launch() {
        List<String> command = List.of(BIN.resolve("postgres").toString(), "-D", dataDir.resolve("data").toString(),
                "-p", String.valueOf(port), "-k", dataDir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB");
        // INT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect
        server = ChildProcess.start("PostgreSQL on port " + port, runAsPostgres(), command, Map.of(), logDir.resolve("postgres.log"), "INT");
        Await.until("PostgreSQL on port " + port + " to accept connections", Duration.ofSeconds(60), server, this::ready);
        LOG.log(System.Logger.Level.INFO, "PostgreSQL ready on port {0} (log in {1})", String.valueOf(port), logDir);
    }

    private boolean ready() {
        try {
            Process probe = new ProcessBuilder(BIN.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>(runAsPostgres());
        full.addAll(List.of(command));
        return full;
    }

    /** PostgreSQL refuses to run as root. */
    private static List<String> runAsPostgres() {
        return ROOT ? List.of("runuser", "-u", "postgres", "--") : List.of();
    }

    private static Path newDataDir(Path logDir) {
        try {
            Files.createDirectories(logDir);
            if (!ROOT) {
                return Files.createTempDirectory(logDir, "cluster-");
            }
            Path dir = Files.createTempDirectory("vigil-postgres-");
            ChildProcess.run("chown", List.of("chown", "postgres:postgres", dir.toString()), logDir.resolve("initdb.log"), 10);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory", e);
        }
    }
}
