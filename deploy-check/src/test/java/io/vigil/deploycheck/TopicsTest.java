package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.contracts.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The KafkaTopic resources (k8s/topics and the chart's) carry the settings of Topics.ALL, the one definition. */
class TopicsTest {

    @Test
    void k8sTopicsMatchTheContracts() {
        assertMatchContracts(Kustomize.build(Repo.path("k8s/topics")), "k8s/topics");
    }

    @Test
    void chartTopicsMatchTheContracts() {
        assertMatchContracts(Wiring.ofKind(HelmChart.render(HelmChartTest.SCALED_OUT), "KafkaTopic"), "helm");
    }

    private static void assertMatchContracts(List<ObjectNode> resources, String source) {
        Map<String, JsonNode> byTopic = new HashMap<>();
        for (ObjectNode r : resources) {
            String topic = r.path("spec").path("topicName").asText(r.path("metadata").path("name").asText());
            assertThat(topic).as(source + ": topic names are vigil.*").startsWith("vigil.");
            assertThat(byTopic.put(topic, r.path("spec"))).as(source + ": " + topic + " twice").isNull();
        }
        for (Topics.TopicSpec spec : Topics.ALL) {
            JsonNode resource = byTopic.get(spec.name());
            assertThat(resource).as(source + " lacks a KafkaTopic for " + spec.name()).isNotNull();
            assertThat(resource.path("partitions").asInt()).as(spec.name() + " partitions").isEqualTo(spec.partitions());
            Map<String, String> config = new HashMap<>();
            resource.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            assertThat(config).as(source + ": " + spec.name() + " config").isEqualTo(spec.configs());
        }
        // Only this direction is checked: a resource may exist ahead of its Topics.ALL entry (vigil.storage
        // was added here while the storage work adds it to the contracts); its shape is still CrdSchemas'.
    }
}
