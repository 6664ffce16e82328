package io.vigil.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A packaged Quarkus service ({@code java -jar target/quarkus-app/quarkus-run.jar}) in its own JVM,
 * configured through environment variables, logging to a file, ready once {@code /q/health/ready}
 * says so. It cannot outlive this JVM.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServiceProcess.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private ChildProcess process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = log;
    }

    /**
     * Starts the service and waits until it is ready. {@code port} 0 picks a free one; it is given as
     * {@code QUARKUS_HTTP_PORT} with the rest of {@code environment} (values of the form
     * {@code KAFKA_BOOTSTRAP_SERVERS} or {@code VIGIL_INGEST_SILENCE_TIMEOUT}).
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, int port, Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalStateException(name + " is not packaged: " + quarkusRunJar + " is missing (./mvnw -B -q package -DskipTests)");
        }
        ServiceProcess service = new ServiceProcess(name, quarkusRunJar.toAbsolutePath(), FreePorts.orNext(port),
                new TreeMap<>(environment), log.toAbsolutePath());
        service.start();
        return service;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts it again after {@link #stop()} or {@link #kill()}, same port, same configuration. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Map<String, String> env = new TreeMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = ChildProcess.start(name, List.of(), List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()), env, log, "TERM");
        try {
            Await.until(name + " to be ready at " + url() + "/q/health/ready", READY_TIMEOUT, process, this::ready);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "{0} ready at {1} (log {2})", name, url(), log);
    }

    /** SIGTERM: Quarkus shuts down gracefully. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(60);
            process = null;
        }
    }

    /** SIGKILL, as a crash or an OOM kill would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " at " + url();
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
