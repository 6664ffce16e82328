package io.vigil.devstack;

/** The four services, in the order the local stack starts them: consumers before the producers that feed them. */
public enum VigilService {
    INDEXER("indexer-service", 8083, true),
    RECORDER("recorder-service", 8082, false),
    INGEST("ingest-service", 8081, false),
    API_GATEWAY("api-gateway", 8080, true);

    private final String module;
    private final int defaultPort;
    private final boolean usesCatalog;

    VigilService(String module, int defaultPort, boolean usesCatalog) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.usesCatalog = usesCatalog;
    }

    /** The Maven module, whose {@code target/quarkus-app/quarkus-run.jar} is the packaged service. */
    public String module() {
        return module;
    }

    /** Its HTTP port in docs/architecture.md. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether it needs the PostgreSQL catalog. */
    public boolean usesCatalog() {
        return usesCatalog;
    }
}
