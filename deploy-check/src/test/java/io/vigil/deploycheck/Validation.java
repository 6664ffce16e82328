package io.vigil.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions shared by the tests: every object valid for its API type, and wired to the real services. */
final class Validation {

    private Validation() {
    }

    static void assertValid(List<ObjectNode> objects, String source) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : objects) {
            problems.addAll(KubernetesSchema.problems(o, source));
        }
        assertThat(problems).as("schema problems of " + source).isEmpty();
    }

    static void assertWired(List<ObjectNode> objects, String source) {
        assertThat(Wiring.problems(objects, source)).as("wiring problems of " + source).isEmpty();
    }

    static long count(List<ObjectNode> objects, String kind) {
        return Wiring.ofKind(objects, kind).size();
    }
}
