package io.vigil.indexer;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The tests' own way to the broker and the catalog the service under test uses: a producer, a JDBC connection. */
@ApplicationScoped
public class TestClients {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A producer of its own (the caller closes it). */
    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A connection of its own to the catalog (the caller closes it). */
    public Connection catalog() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    CatalogRows rows() throws SQLException {
        return new CatalogRows(catalog());
    }
}
