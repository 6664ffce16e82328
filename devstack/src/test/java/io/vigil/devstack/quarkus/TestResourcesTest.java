package io.vigil.devstack.quarkus;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The resources as Quarkus uses them: started once per test profile, sharing one broker and one cluster per JVM. */
class TestResourcesTest {

    @Test
    void everyKafkaResourceGetsTheSameReachableBroker() throws Exception {
        Map<String, String> first = new KafkaResource().start();
        Map<String, String> second = new KafkaResource().start();

        assertThat(second).isEqualTo(first);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.get("kafka.bootstrap.servers")))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void everyPostgresResourceStartGetsItsOwnDatabase() throws Exception {
        Map<String, String> first = new PostgresResource().start();
        Map<String, String> second = new PostgresResource().start();

        assertThat(first.get("quarkus.datasource.jdbc.url")).isNotEqualTo(second.get("quarkus.datasource.jdbc.url"));
        assertThat(first.get("quarkus.datasource.reactive.url"))
                .isEqualTo(first.get("quarkus.datasource.jdbc.url").substring("jdbc:".length()));
        try (Connection connection = DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"),
                first.get("quarkus.datasource.username"), first.get("quarkus.datasource.password"));
             ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            result.next();
            assertThat(result.getInt(1)).isZero();
        }
    }
}
