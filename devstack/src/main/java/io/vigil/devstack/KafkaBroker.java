package io.vigil.devstack;

import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka (broker and controller in one) in its own JVM, on free loopback ports,
 * with its data and logs under the work directory and every topic of {@link Topics#ALL} created.
 * Its own JVM keeps the broker's jars off the services' classpaths and lets a test kill it for real.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private ChildProcess process;

    private KafkaBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Formats a fresh broker under {@code workDir/kafka}, starts it and creates the topics; about 5 s. */
    public static KafkaBroker start(Path workDir) {
        Path dir = workDir.toAbsolutePath().resolve("kafka");
        int port = FreePorts.next();
        KafkaBrokerFiles.write(dir, port, FreePorts.next());
        ChildProcess.run("kafka storage format", java(dir, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", dir.resolve(KafkaBrokerFiles.SERVER_PROPERTIES).toString()),
                dir.resolve("format.log"), 60);
        KafkaBroker broker = new KafkaBroker(dir, port);
        broker.launch();
        return broker;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Where the broker logs: {@code server.log} there. */
    public Path logDir() {
        return dir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A clean shutdown (SIGTERM), as an orchestrator would do it. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(60);
            process = null;
        }
    }

    /** {@code kill -9}: no controlled shutdown, the log is recovered at the next start. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Stops the broker if it runs, then starts it again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Ends the broker and deletes its data (the logs stay, for post-mortems); no controlled shutdown for data about to go. */
    @Override
    public synchronized void close() {
        kill();
        DirectoryTrees.delete(dir.resolve("data"));
    }

    private synchronized void launch() {
        List<String> command = java(dir, "kafka.Kafka", dir.resolve(KafkaBrokerFiles.SERVER_PROPERTIES).toString());
        process = ChildProcess.start("Kafka broker on port " + port, command, dir.resolve("console.log"), "TERM");
        try {
            Await.until("Kafka on " + bootstrapServers() + " to answer", START_TIMEOUT, process, this::answers);
            TopicProvisioner.ensureTopics(bootstrapServers(), (short) 1);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Kafka broker ready on {0} (logs in {1})", bootstrapServers(), dir);
    }

    private boolean answers() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static List<String> java(Path dir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve(KafkaBrokerFiles.LOG4J_CONFIG),
                "-cp", KafkaBrokerFiles.classpath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
