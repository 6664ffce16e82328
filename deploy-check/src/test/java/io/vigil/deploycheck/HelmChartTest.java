package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.vigil.contracts.Topics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** helm/vigil through Helm's engine: lint, template, and every rendered object checked. */
class HelmChartTest {

    static final Path SCALED_OUT = Path.of("src/test/resources/values/scaled-out.yaml").toAbsolutePath();
    static final Path SECURED = Path.of("src/test/resources/values/secured.yaml").toAbsolutePath();

    @Test
    void lintsCleanWithItsDefaults() {
        assertLintClean(HelmChart.lint(null));
    }

    @Test
    void lintsCleanScaledOut() {
        assertLintClean(HelmChart.lint(SCALED_OUT));
    }

    private static void assertLintClean(LintResult lint) {
        assertThat(lint.isFailed()).as(String.valueOf(lint.getMessages())).isFalse();
        // strict lint fails on warnings already; informational notes (the missing icon) are all that may remain
        assertThat(lint.getMessages()).allMatch(m -> m.startsWith("[INFO]"));
    }

    @Test
    void defaultsRenderTheFourServicesValidAndWired() {
        List<ObjectNode> objects = HelmChart.render();
        Validation.assertValid(objects, "helm defaults");
        Validation.assertWired(objects, "helm defaults");
        assertThat(Validation.count(objects, "Deployment")).isEqualTo(4);
        assertThat(Validation.count(objects, "Service")).isEqualTo(4);
        assertThat(Validation.count(objects, "ConfigMap")).isEqualTo(4);
        assertThat(Validation.count(objects, "PodDisruptionBudget")).isEqualTo(4);
        assertThat(Validation.count(objects, "NetworkPolicy")).isEqualTo(6);
        assertThat(Validation.count(objects, "PersistentVolumeClaim")).isEqualTo(1);
        // the password is the user's: by default a Secret they made is referenced, none rendered
        assertThat(Validation.count(objects, "Secret")).isZero();
        assertThat(Validation.count(objects, "KafkaTopic") + Validation.count(objects, "Ingress")
                + Validation.count(objects, "ServiceMonitor")).isZero();
        assertThat(env(objects, "vigil-api-gateway", "QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("vigil-postgres");
    }

    @Test
    void securedValuesGiveEveryServiceKafkaSaslTlsAndTheCatalogOnesPostgresTlsFromSecrets() {
        List<ObjectNode> objects = HelmChart.render(SECURED);
        Validation.assertValid(objects, "helm secured");
        Validation.assertWired(objects, "helm secured");
        for (String service : List.of("vigil-api-gateway", "vigil-ingest-service", "vigil-recorder-service", "vigil-indexer-service")) {
            JsonNode data = Wiring.named(objects, "ConfigMap", service).path("data");
            assertThat(data.path("KAFKA_SECURITY_PROTOCOL").asText()).as(service).isEqualTo("SASL_SSL");
            assertThat(data.path("KAFKA_SASL_MECHANISM").asText()).as(service).isEqualTo("SCRAM-SHA-512");
            assertThat(data.path("KAFKA_SSL_TRUSTSTORE_TYPE").asText()).as(service).isEqualTo("PEM");
            assertThat(data.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText()).as(service).isEqualTo("/etc/vigil/kafka-ca/ca.crt");
            JsonNode jaas = env(objects, service, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.has("value")).as(service + ": the JAAS line holds the password: never a literal").isFalse();
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("vigil-kafka-user");
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("sasl.jaas.config");
            assertThat(volume(objects, service, "kafka-ca").path("secret").path("secretName").asText()).isEqualTo("vigil-cluster-ca-cert");
        }
        for (String service : List.of("vigil-api-gateway", "vigil-indexer-service")) {
            JsonNode data = Wiring.named(objects, "ConfigMap", service).path("data");
            assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo(
                    "jdbc:postgresql://catalog.db.example.net:5432/vigil?sslmode=verify-full&sslrootcert=/etc/vigil/postgres-ca/root.crt");
            assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).isEqualTo("postgresql://catalog.db.example.net:5432/vigil");
            assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE").asText()).isEqualTo("verify-full");
            assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS").asText()).isEqualTo("/etc/vigil/postgres-ca/root.crt");
            assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM").asText()).isEqualTo("HTTPS");
            assertThat(volume(objects, service, "postgres-ca").path("secret").path("secretName").asText()).isEqualTo("vigil-postgres-ca");
        }
        assertThat(volume(objects, "vigil-ingest-service", "postgres-ca").isMissingNode()).as("ingest has no catalog").isTrue();
    }

    private static JsonNode volume(List<ObjectNode> objects, String deployment, String name) {
        for (JsonNode volume : Wiring.named(objects, "Deployment", deployment).path("spec").path("template").path("spec").path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void scaledOutValuesRenderValidAndWired() {
        List<ObjectNode> objects = HelmChart.render(SCALED_OUT);
        Validation.assertValid(objects, "helm scaled-out");
        Validation.assertWired(objects, "helm scaled-out");
        assertThat(Wiring.named(objects, "Deployment", "vigil-ingest-service").path("spec").path("replicas").asInt()).isEqualTo(12);
        assertThat(Wiring.named(objects, "Deployment", "vigil-recorder-service").path("spec").path("replicas").asInt()).isEqualTo(12);
        assertThat(Wiring.named(objects, "Deployment", "vigil-ingest-service").path("spec").path("template").path("spec")
                .path("containers").path(0).path("image").asText()).isEqualTo("registry.example.com/vigil/ingest-service:0.1.0");
        ObjectNode catalog = Wiring.named(objects, "ConfigMap", "vigil-indexer-service");
        assertThat(catalog.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://catalog.db.example.net:6432/nvr?sslmode=require");
        assertThat(catalog.path("data").path("QUARKUS_DATASOURCE_REACTIVE_URL").asText())
                .isEqualTo("postgresql://catalog.db.example.net:6432/nvr?sslmode=require");
        ObjectNode secret = Wiring.named(objects, "Secret", "vigil-postgresql");
        assertThat(secret.path("stringData").path("username").asText()).isEqualTo("vigil");
        assertThat(Validation.count(objects, "KafkaTopic")).isEqualTo(Topics.ALL.size());
        assertThat(Wiring.ofKind(objects, "KafkaTopic")).allMatch(t -> t.path("metadata").path("namespace").asText().equals("kafka"));
        assertThat(Validation.count(objects, "Ingress")).isEqualTo(1);
        assertThat(Validation.count(objects, "ServiceMonitor")).isEqualTo(1);
        assertThat(Wiring.named(objects, "PersistentVolumeClaim", "vigil-recordings").path("spec").path("storageClassName").asText())
                .isEqualTo("cephfs");
        JsonNode cameras = Wiring.named(objects, "NetworkPolicy", "vigil-ingest-service").path("spec").path("egress").path(0);
        assertThat(cameras.path("ports")).hasSize(3);
    }

    @Test
    void moreIngestReplicasThanCameraConfigPartitionsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> template("ingest.replicas", 13))
                .hasMessageContaining("/ingest/replicas")
                .hasMessageContaining("12 partitions of vigil.camera-config");
    }

    @Test
    void moreRecorderReplicasThanMediaPartitionsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> template("recorder.replicas", 13))
                .hasMessageContaining("/recorder/replicas")
                .hasMessageContaining("12 partitions of vigil.media");
    }

    @Test
    void aMistypedKeyIsRefused() {
        assertThatThrownBy(() -> template("gateway.replica", 3)).hasMessageContaining("'replica' not allowed");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertThatThrownBy(() -> template("gateway.replicas", "three")).hasMessageContaining("/gateway/replicas");
    }

    @Test
    void withoutAnExistingSecretTheChartNeedsTheCredentials() {
        assertThatThrownBy(() -> template("postgresql.existingSecret", ""))
                .hasMessageContaining("/postgresql")
                .hasMessageContaining("username");
    }

    @Test
    void aBootstrapAddressWithoutPortIsRefused() {
        assertThatThrownBy(() -> template("kafka.bootstrapServers", "kafka")).hasMessageContaining("/kafka/bootstrapServers");
    }

    @Test
    void saslWithoutTheSecretOfItsJaasLineIsRefused() {
        assertThatThrownBy(() -> template("kafka.security.protocol", "SASL_SSL"))
                .hasMessageContaining("/kafka/security/sasl/existingSecret");
    }

    @Test
    void verifyFullWithoutTheRootCertificateIsRefused() {
        assertThatThrownBy(() -> template("postgresql.tls.sslMode", "verify-full"))
                .hasMessageContaining("/postgresql/tls");
    }

    @Test
    void anUnknownKafkaProtocolIsRefused() {
        assertThatThrownBy(() -> template("kafka.security.protocol", "TLS")).hasMessageContaining("/kafka/security/protocol");
    }

    private static String template(String key, Object value) {
        return new Helm(HelmChart.dir()).template().withName(HelmChart.RELEASE).set(key, value).call();
    }

    static JsonNode env(List<ObjectNode> objects, String deployment, String name) {
        for (JsonNode e : Wiring.named(objects, "Deployment", deployment).path("spec").path("template").path("spec")
                .path("containers").path(0).path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError(deployment + " has no env " + name);
    }
}
