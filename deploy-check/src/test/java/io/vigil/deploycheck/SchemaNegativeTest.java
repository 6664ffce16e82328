package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator fails what the API server (or the CRD) would refuse: deliberately broken manifests. */
class SchemaNegativeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-field.yaml              | unknown field(s) [imagePullPolice]",
        "wrong-type.yaml                 | does not match the apps/v1/Deployment schema",
        "unquoted-env-value.yaml         | does not match the v1/ConfigMap schema",
        "no-name.yaml                    | apiVersion, kind and metadata.name are required",
        "selector-mismatch.yaml          | does not match the pod labels",
        "kafkatopic-unknown-field.yaml   | does not match the kafka.strimzi.io/v1beta2/KafkaTopic schema",
        "kafkatopic-wrong-type.yaml      | does not match the kafka.strimzi.io/v1beta2/KafkaTopic schema",
        "servicemonitor-bad-interval.yaml | is not a Prometheus duration",
        "bad-quantity.yaml               | storage",
    })
    void brokenManifestsFail(String file, String expected) {
        ObjectNode broken = Yaml.single(Path.of("src/test/resources/broken", file));
        List<String> problems = KubernetesSchema.problems(broken, file);
        assertThat(problems).as(file).isNotEmpty();
        assertThat(String.join("\n", problems)).contains(expected.trim());
    }

    @Test
    void theSameManifestFixedPasses() {
        ObjectNode fixed = Yaml.single(Path.of("src/test/resources/broken/unknown-field.yaml"));
        ((ObjectNode) fixed.path("spec").path("template").path("spec").path("containers").path(0)).remove("imagePullPolice");
        assertThat(KubernetesSchema.problems(fixed, "fixed")).isEmpty();
    }
}
