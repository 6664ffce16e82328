package io.vigil.contracts.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The topic provisioning connects as the service's other clients do: with their TLS and SASL settings. */
class TopicProvisionerTest {

    @Test
    void theAdminClientTakesTheSharedConnectionAndSecuritySettingsOnly() {
        Map<String, Object> admin = TopicProvisioner.adminSettings(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/vigil/kafka/ca.p12",
                "ssl.truststore.type", "PKCS12",
                "group.id", "vigil-gateway",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"));

        assertThat(admin).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/vigil/kafka/ca.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .doesNotContainKeys("group.id", "value.deserializer");
    }

    @Test
    void withoutBootstrapServersItSaysWhichPropertyIsMissing() {
        assertThatThrownBy(() -> TopicProvisioner.adminSettings(Map.of("security.protocol", "SSL")))
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
