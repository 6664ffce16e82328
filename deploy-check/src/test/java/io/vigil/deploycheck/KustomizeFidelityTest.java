package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a kubectl happens to be installed, the check's own renderer must give exactly what
 * {@code kubectl kustomize} gives. Without one the test is skipped: the build never needs kubectl.
 */
class KustomizeFidelityTest {

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/example", "k8s/topics"})
    void rendersWhatKubectlRenders(String dir) throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "no kubectl on the PATH");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", Repo.path(dir).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "kubectl kustomize failed: " + out);
        assertThat(sorted(Kustomize.build(Repo.path(dir)))).isEqualTo(sorted(Yaml.documents(out, "kubectl kustomize " + dir)));
    }

    private static List<ObjectNode> sorted(List<ObjectNode> objects) {
        return objects.stream().sorted(Comparator.comparing(o -> o.path("kind").asText() + "/" + Wiring.name(o))).toList();
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
