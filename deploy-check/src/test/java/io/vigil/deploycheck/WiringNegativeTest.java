package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wiring check notices an env name no service reads, a wrong probe, a wrong port, a missing volume. */
class WiringNegativeTest {

    private static List<ObjectNode> base() {
        return Kustomize.build(Repo.path("k8s/base"));
    }

    @Test
    void anEnvNameNoPropertyHasIsReported() {
        List<ObjectNode> objects = base();
        ObjectNode data = (ObjectNode) Wiring.named(objects, "ConfigMap", "vigil-ingest-service").path("data");
        data.set("VIGIL_INGEST_TOPIC_REPLICATION_FACTOR", data.remove("VIGIL_INGEST_TOPICS_REPLICATION_FACTOR"));
        assertThat(Wiring.problems(objects, "mutated")).anyMatch(p -> p.contains("VIGIL_INGEST_TOPIC_REPLICATION_FACTOR sets no property ingest-service reads"));
    }

    @Test
    void aSettingGivenToAServiceThatDoesNotReadItIsReported() {
        List<ObjectNode> objects = base();
        // the indexer has no vigil.gateway settings
        ((ObjectNode) Wiring.named(objects, "ConfigMap", "vigil-indexer-service").path("data")).put("VIGIL_GATEWAY_PUBLISH_TIMEOUT", "5s");
        assertThat(Wiring.problems(objects, "mutated")).anyMatch(p -> p.contains("VIGIL_GATEWAY_PUBLISH_TIMEOUT sets no property indexer-service reads"));
    }

    @Test
    void aWrongProbePathOrPortIsReported() {
        List<ObjectNode> objects = base();
        ObjectNode container = (ObjectNode) Wiring.named(objects, "Deployment", "vigil-recorder-service")
                .path("spec").path("template").path("spec").path("containers").path(0);
        ((ObjectNode) container.path("readinessProbe").path("httpGet")).put("path", "/health/ready");
        ((ObjectNode) container.path("ports").path(0)).put("containerPort", 8080);
        List<String> problems = Wiring.problems(objects, "mutated");
        assertThat(problems).anyMatch(p -> p.contains("readinessProbe must GET /q/health/ready"));
        assertThat(problems).anyMatch(p -> p.contains("port http must be 8082"));
    }

    @Test
    void recordingsRootWithoutTheVolumeIsReported() {
        List<ObjectNode> objects = base();
        ObjectNode container = (ObjectNode) Wiring.named(objects, "Deployment", "vigil-indexer-service")
                .path("spec").path("template").path("spec").path("containers").path(0);
        ((ObjectNode) container.path("env").path(2)).put("value", "/recordings");
        assertThat(Wiring.problems(objects, "mutated")).anyMatch(p -> p.contains("nothing from a PersistentVolumeClaim is mounted at VIGIL_RECORDINGS_ROOT"));
    }

    @Test
    void propertyNamesComeFromTheMappingSoARenameChangesThem() {
        String source = """
                @ConfigMapping(prefix = "vigil.example")
                interface ExampleConfig {
                    /** a comment with a (parenthesis) */
                    @WithDefault("1s") @DurationMin(seconds = 1, message = "at least 1 s (really)")
                    Duration idleClose();
                    Optional<String> instanceId();
                    @WithName("renamed-thing") int thing();
                    Nested nested();
                    interface Nested {
                        @WithDefault("2") short replicationFactor();
                    }
                }
                """;
        assertThat(ConfigMappingNames.of(source, "vigil.example", "test")).isEqualTo(Set.of(
                "vigil.example.idle-close", "vigil.example.instance-id", "vigil.example.renamed-thing",
                "vigil.example.nested.replication-factor"));
        assertThat(ConfigMappingNames.of(source.replace("idleClose", "closeWhenIdle"), "vigil.example", "test"))
                .contains("vigil.example.close-when-idle").doesNotContain("vigil.example.idle-close");
    }
}
