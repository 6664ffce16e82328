package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** k8s/: every file valid on its own, and the base, the example overlay and the topics rendered as kustomize does. */
class KustomizeTest {

    @Test
    void everyFileInK8sHoldsValidObjects() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.path("k8s"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            List<ObjectNode> docs = Yaml.documents(file);
            assertThat(docs).as(file + " is empty").isNotEmpty();
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue; // not an API object: Kustomize.build reads it below
            }
            if (file.startsWith(Repo.path("k8s/overlays"))) {
                // a patch is a partial object: the rendered overlay is validated whole
                continue;
            }
            Validation.assertValid(docs, Repo.root().relativize(file).toString());
        }
    }

    @Test
    void theBaseDeploysTheFourServicesWired() {
        List<ObjectNode> base = Kustomize.build(Repo.path("k8s/base"));
        Validation.assertValid(base, "k8s/base");
        Validation.assertWired(base, "k8s/base");
        assertThat(Validation.count(base, "Secret")).as("no secret values in git").isZero();
        assertThat(base).allMatch(o -> "vigil".equals(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText()));
    }

    @Test
    void theExampleOverlayRendersValidAndWired() {
        List<ObjectNode> overlay = Kustomize.build(Repo.path("k8s/overlays/example"));
        Validation.assertValid(overlay, "k8s/overlays/example");
        Validation.assertWired(overlay, "k8s/overlays/example");
        assertThat(overlay).allMatch(o -> "vigil".equals(o.path("metadata").path("namespace").asText()));
        ObjectNode ingest = Wiring.named(overlay, "Deployment", "vigil-ingest-service");
        assertThat(ingest.path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(ingest.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText())
                .isEqualTo("registry.example.com/vigil/ingest-service:0.1.0-SNAPSHOT");
        ObjectNode pvc = Wiring.named(overlay, "PersistentVolumeClaim", "vigil-recordings");
        assertThat(pvc.path("spec").path("storageClassName").asText()).isEqualTo("nfs-client");
        assertThat(pvc.path("spec").path("accessModes").path(0).asText()).as("the patch keeps the base's fields").isEqualTo("ReadWriteMany");
    }

    @Test
    void theTopicsRender() {
        List<ObjectNode> topics = Kustomize.build(Repo.path("k8s/topics"));
        Validation.assertValid(topics, "k8s/topics");
        assertThat(topics).allMatch(o -> o.path("kind").asText().equals("KafkaTopic"));
    }
}
