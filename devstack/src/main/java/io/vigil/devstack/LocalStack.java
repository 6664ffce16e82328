package io.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All of Vigil on one machine: Kafka, PostgreSQL (database {@code vigil}), RTSP test cameras and the
 * packaged services, each in its own process, started in dependency order and stopped in reverse.
 * {@code ./vigil up} runs it through {@link LocalStackMain}; system tests build one with {@link #builder()}.
 */
public final class LocalStack implements AutoCloseable {

    /** The camera {@code ./vigil up} registers, so that there is something to watch at once. */
    public static final String DEMO_CAMERA = "demo";

    /** The gateway's first admin (docs/security.md); its password is made for each stack. */
    public static final String ADMIN_USER = "admin";

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private final Builder settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<VigilService, ServiceProcess> services = new EnumMap<>(VigilService.class);
    private KafkaBroker kafka;
    private PostgresCluster postgres;
    private Database database;
    private RtspCameraServer cameras;
    /** Made for this stack only, handed to the gateway as its bootstrap secret; never written to a file. */
    private final String adminPassword = GatewayCredentials.newPassword();
    private String adminApiKey;

    private LocalStack(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code ./vigil up}: see {@link LocalStackMain}. */
    public static void main(String[] args) throws Exception {
        LocalStackMain.main(args);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The catalog database; empty when no service that uses it was started. */
    public Optional<Database> database() {
        return Optional.ofNullable(database);
    }

    /** The catalog's PostgreSQL server (to stop and restart it); empty when no service that uses it was started. */
    public Optional<PostgresCluster> postgres() {
        return Optional.ofNullable(postgres);
    }

    /**
     * Starts one more instance of a service beside the stack's own, with the same environment plus
     * {@code extra} (say an instance id); the caller stops it. For tests of replicas and failover.
     */
    public ServiceProcess startReplica(VigilService service, String name, Map<String, String> extra) {
        Map<String, String> environment = environment(service);
        environment.putAll(extra);
        Path jar = settings.repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(name, jar, 0, environment, settings.workDir.resolve("services").resolve(name + ".log"));
    }

    /** The test cameras; empty when none were asked for. */
    public Optional<RtspCameraServer> cameras() {
        return Optional.ofNullable(cameras);
    }

    /** A started service; fails for one not in {@link Builder#services}. */
    public ServiceProcess service(VigilService service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not part of this stack; started: " + services.keySet());
        }
        return process;
    }

    public String gatewayUrl() {
        return service(VigilService.API_GATEWAY).url();
    }

    /** The password of {@link #ADMIN_USER}, for a login through the API or the UI. */
    public String adminPassword() {
        service(VigilService.API_GATEWAY);
        return adminPassword;
    }

    /**
     * An admin API key, made through the API once the gateway is up: everything that calls the gateway
     * sends it as {@code Authorization: Bearer <key>}.
     */
    public String adminApiKey() {
        service(VigilService.API_GATEWAY);
        return adminApiKey;
    }

    public Path recordings() {
        return settings.recordings();
    }

    /** Where every process logs: {@code kafka/}, {@code postgres/}, {@code cameras/}, {@code services/}. */
    public Path workDir() {
        return settings.workDir;
    }

    /** Stops everything started, the last started first. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop " + started.get(i) + ": " + e.getMessage(), e);
            }
        }
        started.clear();
        services.clear();
    }

    private synchronized LocalStack start() {
        try {
            kafka = remember(KafkaBroker.start(settings.workDir));
            if (settings.services.stream().anyMatch(VigilService::usesCatalog)) {
                postgres = remember(PostgresCluster.start(settings.workDir));
                database = postgres.createDatabase("vigil");
            }
            if (!settings.cameras.isEmpty()) {
                cameras = remember(RtspCameraServer.start(settings.workDir, new ArrayList<>(settings.cameras.values())));
            }
            for (VigilService service : VigilService.values()) {
                if (settings.services.contains(service)) {
                    services.put(service, remember(startService(service)));
                }
            }
            if (services.containsKey(VigilService.API_GATEWAY)) {
                adminApiKey = GatewayCredentials.adminApiKey(gatewayUrl(), ADMIN_USER, adminPassword);
            }
            if (settings.registerDemoCamera) {
                registerDemoCamera();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ServiceProcess startService(VigilService service) {
        Map<String, String> environment = environment(service);
        Path jar = settings.repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(service.module(), jar, settings.ports.getOrDefault(service, 0), environment,
                settings.workDir.resolve("services").resolve(service.module() + ".log"));
    }

    private Map<String, String> environment(VigilService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("VIGIL_RECORDINGS_ROOT", settings.recordings().toAbsolutePath().toString());
        if (service.usesCatalog()) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        }
        if (service == VigilService.API_GATEWAY) {
            environment.putAll(GatewayCredentials.bootstrapEnvironment(ADMIN_USER, adminPassword));
        }
        environment.putAll(settings.commonEnvironment);
        environment.putAll(settings.serviceEnvironment.getOrDefault(service, Map.of()));
        return environment;
    }

    /**
     * Through the gateway's API, as a user would; the gateway publishes it to the ingest service.
     * 30 s files, so the first recording is in the API within a minute of {@code ./vigil up}.
     */
    private void registerDemoCamera() {
        String body = """
                {"id":"%s","name":"Demo camera","url":"%s","mode":"continuous","rotationSeconds":30}"""
                .formatted(DEMO_CAMERA, cameras.url(DEMO_CAMERA));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/cameras"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminApiKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the gateway refused the demo camera: HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the demo camera at " + gatewayUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the demo camera", e);
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.add(part);
        return part;
    }

    /** What to start, and where. */
    public static final class Builder {

        private Path workDir;
        private Path recordings;
        private Path repository;
        private final Set<VigilService> services = EnumSet.allOf(VigilService.class);
        private final Map<VigilService, Integer> ports = new EnumMap<>(VigilService.class);
        private final Map<String, TestCamera> cameras = new LinkedHashMap<>();
        private final Map<String, String> commonEnvironment = new LinkedHashMap<>();
        private final Map<VigilService, Map<String, String>> serviceEnvironment = new EnumMap<>(VigilService.class);
        private boolean registerDemoCamera;

        private Builder() {
        }

        /** Where logs and data go; a new temporary directory if not set. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir.toAbsolutePath();
            return this;
        }

        /** The recordings volume; {@code <workDir>/recordings} if not set. */
        public Builder recordings(Path recordings) {
            this.recordings = recordings.toAbsolutePath();
            return this;
        }

        /** The repository whose packaged services to run; found above the current directory if not set. */
        public Builder repository(Path repository) {
            this.repository = repository.toAbsolutePath();
            return this;
        }

        /** Which services to start (all four by default). */
        public Builder services(VigilService... services) {
            this.services.clear();
            this.services.addAll(List.of(services));
            return this;
        }

        /** The service's HTTP port; 0 (the default) picks a free one. */
        public Builder port(VigilService service, int port) {
            ports.put(service, port);
            return this;
        }

        /** The ports of docs/architecture.md (8080 to 8083), as {@code ./vigil up} uses them. */
        public Builder defaultPorts() {
            for (VigilService service : VigilService.values()) {
                ports.put(service, service.defaultPort());
            }
            return this;
        }

        /** A camera to serve on the RTSP test server (registering it is up to the caller). */
        public Builder camera(TestCamera camera) {
            cameras.put(camera.name(), camera);
            return this;
        }

        /** Serves a moving {@value #DEMO_CAMERA} camera and registers it through the gateway. */
        public Builder demoCamera() {
            registerDemoCamera = true;
            return camera(TestCamera.open(DEMO_CAMERA, Scene.MOVING));
        }

        /** An environment variable for every service, say {@code VIGIL_INGEST_SILENCE_TIMEOUT=4s}. */
        public Builder environment(String name, String value) {
            commonEnvironment.put(name, value);
            return this;
        }

        /** An environment variable for one service. */
        public Builder environment(VigilService service, String name, String value) {
            serviceEnvironment.computeIfAbsent(service, one -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public LocalStack start() {
            if (registerDemoCamera && !services.contains(VigilService.API_GATEWAY)) {
                throw new IllegalStateException("the demo camera is registered through the API gateway, which is not in " + services);
            }
            try {
                if (workDir == null) {
                    workDir = Files.createTempDirectory("vigil-stack-");
                }
                Files.createDirectories(workDir);
                Files.createDirectories(recordings());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the stack's work directory", e);
            }
            if (repository == null) {
                repository = findRepository();
            }
            return new LocalStack(this).start();
        }

        private Path recordings() {
            return recordings != null ? recordings : workDir.resolve("recordings");
        }

        private static Path findRepository() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("devstack/pom.xml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("not inside the Vigil repository (no devstack/pom.xml above " + Path.of("").toAbsolutePath() + "); set LocalStack.builder().repository(...)");
        }
    }
}
