package io.vigil.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of the API server's validation that the OpenAPI types do not carry: required fields,
 * a selector that matches its pods, mounts of declared volumes, names the API restricts.
 */
final class Semantics {

    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Semantics() {
    }

    static List<String> problems(HasMetadata object, String where) {
        List<String> problems = new ArrayList<>();
        if (object instanceof Deployment d) {
            deployment(d, where, problems);
        } else if (object instanceof Service s) {
            if (s.getSpec() == null || s.getSpec().getPorts() == null || s.getSpec().getPorts().isEmpty()) {
                problems.add(where + ": spec.ports is required");
            } else {
                for (ServicePort p : s.getSpec().getPorts()) {
                    if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
                        problems.add(where + ": port " + p.getName() + " needs a port number 1-65535");
                    }
                }
            }
        } else if (object instanceof ConfigMap c && c.getData() != null) {
            c.getData().keySet().stream().filter(k -> !CONFIG_KEY.matcher(k).matches())
                    .forEach(k -> problems.add(where + ": invalid data key " + k));
        } else if (object instanceof PersistentVolumeClaim pvc) {
            if (pvc.getSpec() == null || pvc.getSpec().getAccessModes() == null || pvc.getSpec().getAccessModes().isEmpty()) {
                problems.add(where + ": spec.accessModes is required");
            }
        } else if (object instanceof PodDisruptionBudget pdb) {
            if (pdb.getSpec() == null || pdb.getSpec().getSelector() == null) {
                problems.add(where + ": spec.selector is required");
            } else if (pdb.getSpec().getMinAvailable() != null && pdb.getSpec().getMaxUnavailable() != null) {
                problems.add(where + ": minAvailable and maxUnavailable are exclusive");
            }
        }
        return problems;
    }

    private static void deployment(Deployment d, String where, List<String> problems) {
        var spec = d.getSpec();
        if (spec == null || spec.getSelector() == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null) {
            problems.add(where + ": spec.selector and spec.template are required");
            return;
        }
        Map<String, String> selector = Objects.requireNonNullElse(spec.getSelector().getMatchLabels(), Map.of());
        Map<String, String> podLabels = spec.getTemplate().getMetadata() == null ? Map.of()
                : Objects.requireNonNullElse(spec.getTemplate().getMetadata().getLabels(), Map.of());
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            problems.add(where + ": the selector " + selector + " does not match the pod labels " + podLabels);
        }
        var pod = spec.getTemplate().getSpec();
        if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
            problems.add(where + ": a pod needs containers");
            return;
        }
        Set<String> volumes = pod.getVolumes() == null ? Set.of()
                : pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
        for (Container c : pod.getContainers()) {
            if (c.getName() == null || c.getImage() == null || c.getImage().isBlank()) {
                problems.add(where + ": every container needs a name and an image");
                continue;
            }
            Set<String> portNames = c.getPorts() == null ? Set.of()
                    : c.getPorts().stream().map(p -> p.getName()).filter(Objects::nonNull).collect(Collectors.toSet());
            portNames.stream().filter(n -> n.length() > 15 || !PORT_NAME.matcher(n).matches())
                    .forEach(n -> problems.add(where + ": invalid port name " + n));
            for (Probe probe : new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
                if (probe != null && probe.getHttpGet() != null) {
                    var port = probe.getHttpGet().getPort();
                    if (probe.getHttpGet().getPath() == null || port == null) {
                        problems.add(where + ": an httpGet probe needs a path and a port");
                    } else if (port.getStrVal() != null && !portNames.contains(port.getStrVal())) {
                        problems.add(where + ": a probe names port " + port.getStrVal() + ", which the container does not declare");
                    }
                }
            }
            if (c.getVolumeMounts() != null) {
                for (VolumeMount m : c.getVolumeMounts()) {
                    if (!volumes.contains(m.getName())) {
                        problems.add(where + ": mounts volume " + m.getName() + ", which the pod does not declare");
                    }
                }
            }
        }
    }
}
