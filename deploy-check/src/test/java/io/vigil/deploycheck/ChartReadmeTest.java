package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** helm/vigil/README.md documents every value of values.yaml, and nothing that is not one. */
class ChartReadmeTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-zA-Z.]+)` \\|");

    @Test
    void everyValueIsDocumentedAndEveryDocumentedValueExists() throws IOException {
        JsonNode values = Yaml.single(HelmChart.dir().resolve("values.yaml"));
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(HelmChart.dir().resolve("README.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        List<String> leaves = new ArrayList<>();
        leaves(values, "", leaves);
        for (String leaf : leaves) {
            // a row may document a whole map (gateway.resources covers its requests and limits)
            boolean covered = documented.stream().anyMatch(d -> leaf.equals(d) || leaf.startsWith(d + "."));
            assertThat(covered).as("values.yaml's " + leaf + " is not in helm/vigil/README.md").isTrue();
        }
        for (String d : documented) {
            assertThat(values.at("/" + d.replace('.', '/')).isMissingNode()).as("README documents " + d + ", which values.yaml lacks").isFalse();
        }
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else {
            out.add(path);
        }
    }
}
