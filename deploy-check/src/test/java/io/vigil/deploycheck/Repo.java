package io.vigil.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, where k8s/, helm/ and the services' sources are. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("vigil.repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s")) || !Files.isDirectory(root.resolve("helm/vigil"))) {
            throw new IllegalStateException("not the Vigil repository (no k8s/ and helm/vigil): " + root);
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
