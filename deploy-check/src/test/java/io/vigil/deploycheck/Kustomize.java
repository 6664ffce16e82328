package io.vigil.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl apply -k} does, for the subset k8s/ uses: resources
 * (files and directories), namespace, labels (without selectors), images, replicas and strategic-merge
 * patches by file that touch only maps. Anything else fails loudly instead of being rendered wrongly,
 * so k8s/ cannot start using a feature this check would ignore. (kubectl is not a dependency of the build.)
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas", "patches");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        ObjectNode k = Yaml.single(file);
        for (Map.Entry<String, JsonNode> field : k.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new IllegalArgumentException(file + ": kustomize field " + field.getKey() + " is not supported by this check; extend Kustomize");
            }
        }
        if (!"kustomize.config.k8s.io/v1beta1".equals(k.path("apiVersion").asText()) || !"Kustomization".equals(k.path("kind").asText())) {
            throw new IllegalArgumentException(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path p = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(build(p));
            } else {
                objects.addAll(Yaml.documents(p));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only patches given by path are supported: " + patch);
            }
            Path p = dir.resolve(patch.get("path").asText());
            for (ObjectNode doc : Yaml.documents(p)) {
                applyPatch(objects, doc, p);
            }
        }
        for (JsonNode labels : k.path("labels")) {
            if (labels.path("includeSelectors").asBoolean(false)) {
                throw new IllegalArgumentException(file + ": labels with includeSelectors are not supported");
            }
            boolean templates = labels.path("includeTemplates").asBoolean(false);
            for (ObjectNode o : objects) {
                labels.path("pairs").properties().forEach(pair -> {
                    ((ObjectNode) o.withObjectProperty("metadata")).withObjectProperty("labels").set(pair.getKey(), pair.getValue());
                    if (templates && o.path("kind").asText().equals("Deployment")) {
                        ((ObjectNode) o.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("metadata")).withObjectProperty("labels").set(pair.getKey(), pair.getValue());
                    }
                });
            }
        }
        if (k.has("namespace")) {
            objects.forEach(o -> o.withObjectProperty("metadata").put("namespace", k.get("namespace").asText()));
        }
        for (JsonNode replicas : k.path("replicas")) {
            ObjectNode target = find(objects, "Deployment", replicas.path("name").asText(), file);
            target.withObjectProperty("spec").put("replicas", replicas.path("count").asInt());
        }
        for (JsonNode image : k.path("images")) {
            String name = image.path("name").asText();
            boolean used = false;
            for (ObjectNode o : objects) {
                for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
                    String ref = c.path("image").asText();
                    int colon = ref.lastIndexOf(':');
                    String repo = colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
                    String tag = colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : "latest";
                    if (repo.equals(name)) {
                        used = true;
                        ((ObjectNode) c).put("image", image.path("newName").asText(repo) + ":" + image.path("newTag").asText(tag));
                    }
                }
            }
            if (!used) {
                throw new IllegalArgumentException(file + ": image " + name + " is used by no container");
            }
        }
        return objects;
    }

    private static void applyPatch(List<ObjectNode> objects, ObjectNode patch, Path file) {
        ObjectNode target = find(objects, patch.path("kind").asText(), patch.path("metadata").path("name").asText(), file);
        if (!target.path("apiVersion").equals(patch.path("apiVersion"))) {
            throw new IllegalArgumentException(file + ": patch apiVersion differs from its target's");
        }
        ObjectNode merged = Yaml.merge(target, withoutLists(patch, file));
        target.removeAll();
        target.setAll(merged);
    }

    /** A list in a strategic-merge patch merges by key in kustomize, which this renderer does not do. */
    private static ObjectNode withoutLists(ObjectNode patch, Path file) {
        patch.properties().forEach(e -> {
            if (e.getValue().isArray()) {
                throw new IllegalArgumentException(file + ": patch sets the list " + e.getKey() + "; only map patches are supported");
            }
            if (e.getValue().isObject()) {
                withoutLists((ObjectNode) e.getValue(), file);
            }
        });
        return patch;
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind, String name, Path file) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": no " + kind + "/" + name + " among the resources"));
    }
}
