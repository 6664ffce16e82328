package io.vigil.deploycheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** helm/vigil run through Helm's own engine (helm-java: Helm's Go library from a Maven artifact, no download). */
final class HelmChart {

    static final String RELEASE = "vigil";
    static final String NAMESPACE = "vigil";

    private HelmChart() {
    }

    static Path dir() {
        return Repo.path("helm/vigil");
    }

    /** {@code helm template} with the chart's defaults and then each values file, as Helm merges them. */
    static String template(Path... valuesFiles) {
        var template = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.30.0");
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return template.call();
    }

    static List<ObjectNode> render(Path... valuesFiles) {
        return Yaml.documents(template(valuesFiles), "helm template " + List.of(valuesFiles));
    }

    /**
     * {@code helm lint --strict}. helm-java's lint takes no values file, so the chart is copied with
     * the values file merged into its values.yaml, which is what Helm lints it with.
     */
    static LintResult lint(Path valuesFile) {
        if (valuesFile == null) {
            return new Helm(dir()).lint().strict().call();
        }
        try {
            Path copy = Files.createTempDirectory("vigil-chart");
            try {
                Path chart = copy.resolve("vigil");
                copyTree(dir(), chart);
                ObjectNode merged = Yaml.merge(Yaml.single(dir().resolve("values.yaml")), Yaml.single(valuesFile));
                Files.writeString(chart.resolve("values.yaml"), Yaml.write(merged));
                return new Helm(chart).lint().strict().call();
            } finally {
                deleteTree(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
