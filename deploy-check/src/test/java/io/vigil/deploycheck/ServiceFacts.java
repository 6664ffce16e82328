package io.vigil.deploycheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service really exposes and reads, taken from its own sources: the HTTP port and every
 * property of its application.properties, and every property of its {@code @ConfigMapping} interfaces.
 * A manifest's env name must be one of these in Quarkus's env form, so renaming a property breaks the check.
 */
record ServiceFacts(String module, Map<String, String> properties, Set<String> mappingProperties, String pom) {

    static final List<String> MODULES = List.of("api-gateway", "ingest-service", "recorder-service", "indexer-service");

    /** Properties Quarkus's datasource extension reads that a service need not list in its own file. */
    private static final Set<String> DATASOURCE = Set.of("quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url");

    /**
     * Kafka client settings Quarkus hands from {@code kafka.*} (KAFKA_* in the environment) to every Kafka client
     * of a service, its channels and the clients it makes itself (docs/security.md).
     */
    private static final Set<String> KAFKA_SECURITY = Set.of("kafka.security.protocol", "kafka.sasl.mechanism",
            "kafka.sasl.jaas.config", "kafka.ssl.truststore.type", "kafka.ssl.truststore.location");

    /** TLS to PostgreSQL for the reactive client (JDBC takes it in its URL). */
    private static final Set<String> DATASOURCE_TLS = Set.of("quarkus.datasource.reactive.postgresql.ssl-mode",
            "quarkus.datasource.reactive.trust-certificate-pem", "quarkus.datasource.reactive.trust-certificate-pem.certs",
            "quarkus.datasource.reactive.hostname-verification-algorithm");

    static ServiceFacts of(String module) {
        Path dir = Repo.path(module);
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            props.load(in);
            Map<String, String> byName = new LinkedHashMap<>();
            for (String key : props.stringPropertyNames()) {
                // "%test.vigil.x" is vigil.x in the test profile only; the name is still one the service reads
                String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                if (!key.startsWith("%") || !byName.containsKey(name)) {
                    byName.put(name, key.startsWith("%") ? null : props.getProperty(key));
                }
            }
            return new ServiceFacts(module, byName, ConfigMappingNames.of(dir.resolve("src/main/java")),
                    Files.readString(dir.resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ServiceFacts> all() {
        return MODULES.stream().map(ServiceFacts::of).toList();
    }

    /** Quarkus's environment form of a property name: every character but letters and digits becomes _, upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    int httpPort() {
        String port = properties.get("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(module + " sets no quarkus.http.port in its application.properties");
        }
        return Integer.parseInt(port.trim());
    }

    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    boolean usesCatalog() {
        return properties.containsKey("quarkus.datasource.db-kind");
    }

    boolean dependsOn(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** Every env name that sets a property this service reads. */
    Set<String> envNames() {
        Set<String> names = new TreeSet<>();
        properties.keySet().forEach(p -> names.add(envName(p)));
        mappingProperties.forEach(p -> names.add(envName(p)));
        KAFKA_SECURITY.forEach(p -> names.add(envName(p)));
        if (usesCatalog()) {
            DATASOURCE.forEach(p -> names.add(envName(p)));
            DATASOURCE_TLS.forEach(p -> names.add(envName(p)));
        }
        return names;
    }
}
