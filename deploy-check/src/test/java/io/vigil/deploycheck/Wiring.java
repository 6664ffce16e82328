package io.vigil.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a rendered set of objects against what the services really expose and read (ServiceFacts):
 * ports, probe paths, env names and required settings, the recordings volume at VIGIL_RECORDINGS_ROOT,
 * the writable directories a read-only root file system needs, Services, NetworkPolicies, ServiceMonitors.
 */
final class Wiring {

    /** smallrye-health's endpoints under Quarkus's default non-application root /q. */
    static final String STARTED = "/q/health/started";
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    /** micrometer-registry-prometheus's endpoint under /q. */
    static final String METRICS = "/q/metrics";

    /** Settings that would move the paths above or put them on a management port: none may be set. */
    private static final List<String> PATH_SETTINGS = List.of("quarkus.http.root-path", "quarkus.http.non-application-root-path",
            "quarkus.smallrye-health.", "quarkus.management.", "quarkus.micrometer.export.prometheus.path");

    private static final Pattern CACHEDIR = Pattern.compile("-Dorg\\.bytedeco\\.javacpp\\.cachedir=([^,\\s]+)");

    private Wiring() {
    }

    static List<String> problems(List<ObjectNode> objects, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceFacts> services = new HashMap<>();
        ServiceFacts.all().forEach(f -> services.put(f.module(), f));
        Set<String> deployed = new TreeSet<>();
        for (ObjectNode d : ofKind(objects, "Deployment")) {
            String where = source + " Deployment/" + name(d);
            JsonNode pod = d.path("spec").path("template").path("spec");
            for (JsonNode c : pod.path("containers")) {
                ServiceFacts facts = services.get(c.path("name").asText());
                if (facts == null) {
                    problems.add(where + ": container " + c.path("name").asText() + " is none of the services " + services.keySet());
                    continue;
                }
                deployed.add(facts.module());
                container(objects, d, pod, c, facts, where + " container " + facts.module(), problems);
            }
        }
        if (!deployed.equals(new TreeSet<>(ServiceFacts.MODULES))) {
            problems.add(source + ": deploys " + deployed + ", not the four services");
        }
        for (ObjectNode s : ofKind(objects, "Service")) {
            service(objects, s, services, source + " Service/" + name(s), problems);
        }
        for (ObjectNode n : ofKind(objects, "NetworkPolicy")) {
            networkPolicy(objects, n, services, source + " NetworkPolicy/" + name(n), problems);
        }
        for (ObjectNode m : ofKind(objects, "ServiceMonitor")) {
            for (JsonNode e : m.path("spec").path("endpoints")) {
                if (!METRICS.equals(e.path("path").asText()) || !"http".equals(e.path("port").asText())) {
                    problems.add(source + " ServiceMonitor/" + name(m) + ": must scrape " + METRICS + " on port http");
                }
            }
        }
        return problems;
    }

    private static void container(List<ObjectNode> objects, ObjectNode deployment, JsonNode pod, JsonNode c,
            ServiceFacts facts, String where, List<String> problems) {
        int port = facts.httpPort();
        JsonNode http = null;
        for (JsonNode p : c.path("ports")) {
            if ("http".equals(p.path("name").asText())) {
                http = p;
            }
        }
        if (http == null || http.path("containerPort").asInt() != port) {
            problems.add(where + ": port http must be " + port + " (quarkus.http.port of " + facts.module() + ")");
        }
        // what serves the probes and metrics, at their default paths
        if (!facts.dependsOn("quarkus-smallrye-health") || !facts.dependsOn("quarkus-micrometer-registry-prometheus")) {
            problems.add(where + ": " + facts.module() + " lacks smallrye-health or micrometer-registry-prometheus");
        }
        for (String setting : facts.properties().keySet()) {
            if (PATH_SETTINGS.stream().anyMatch(p -> p.endsWith(".") ? setting.startsWith(p) : setting.equals(p))) {
                problems.add(where + ": " + facts.module() + " sets " + setting + ", which moves the health or metrics paths");
            }
        }
        probe(c, "startupProbe", STARTED, port, where, problems);
        probe(c, "livenessProbe", LIVE, port, where, problems);
        probe(c, "readinessProbe", READY, port, where, problems);

        Map<String, Optional<String>> env = env(objects, c, where, problems);
        Set<String> reads = facts.envNames();
        env.keySet().stream().filter(n -> !reads.contains(n))
                .forEach(n -> problems.add(where + ": " + n + " sets no property " + facts.module() + " reads"));
        List<String> required = new ArrayList<>(List.of("KAFKA_BOOTSTRAP_SERVERS"));
        if (facts.usesCatalog()) {
            required.addAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"));
        }
        boolean recordings = facts.mappingProperties().contains("vigil.recordings.root");
        if (recordings) {
            required.add("VIGIL_RECORDINGS_ROOT");
        }
        required.stream().filter(n -> !env.containsKey(n)).forEach(n -> problems.add(where + ": " + n + " is not set"));

        // volumes: the shared recordings claim where VIGIL_RECORDINGS_ROOT says, emptyDirs where the JVM writes
        Map<String, String> mounts = new HashMap<>();
        for (JsonNode m : c.path("volumeMounts")) {
            mounts.put(m.path("mountPath").asText(), m.path("name").asText());
        }
        Optional<String> root = env.getOrDefault("VIGIL_RECORDINGS_ROOT", Optional.empty());
        if (recordings && root.isPresent()) {
            String volume = mounts.get(root.get());
            String claim = volume == null ? null : volume(pod, volume).path("persistentVolumeClaim").path("claimName").asText(null);
            ObjectNode pvc = claim == null ? null : named(objects, "PersistentVolumeClaim", claim);
            if (claim == null) {
                problems.add(where + ": nothing from a PersistentVolumeClaim is mounted at VIGIL_RECORDINGS_ROOT " + root.get());
            } else if (pvc != null && !pvc.path("spec").path("accessModes").toString().contains("ReadWriteMany")) {
                problems.add(where + ": the recordings claim " + claim + " is not ReadWriteMany");
            }
        }
        if (!recordings && pod.path("volumes").toString().contains("persistentVolumeClaim")) {
            problems.add(where + ": " + facts.module() + " reads no recordings root but mounts a claim");
        }
        JsonNode security = c.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean() || security.path("allowPrivilegeEscalation").asBoolean(true)
                || !pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
            problems.add(where + ": needs a read-only root file system, no privilege escalation and runAsNonRoot");
        }
        if (!emptyDir(pod, mounts.get("/tmp"))) {
            problems.add(where + ": Quarkus writes to /tmp: with a read-only root it must be an emptyDir");
        }
        if (usesJavaCpp(facts)) {
            String cachedir = javacppCacheDir(facts);
            if (cachedir == null) {
                problems.add(where + ": " + facts.module() + " loads FFmpeg through JavaCPP but its image sets no -Dorg.bytedeco.javacpp.cachedir");
            } else if (!emptyDir(pod, mounts.get(cachedir))) {
                problems.add(where + ": JavaCPP unpacks FFmpeg to " + cachedir + " (the image's cachedir): it must be an emptyDir");
            }
        }
        if (c.path("resources").path("requests").isMissingNode() || c.path("resources").path("limits").path("memory").isMissingNode()) {
            problems.add(where + ": needs resource requests and a memory limit");
        }
    }

    private static void probe(JsonNode c, String kind, String path, int port, String where, List<String> problems) {
        JsonNode get = c.path(kind).path("httpGet");
        JsonNode p = get.path("port");
        boolean portOk = p.isInt() ? p.asInt() == port : "http".equals(p.asText());
        if (!path.equals(get.path("path").asText()) || !portOk) {
            problems.add(where + ": " + kind + " must GET " + path + " on port http (" + port + "), found " + get);
        }
    }

    /** Every env name the container gets (with its literal value, if it has one), directly or from ConfigMaps. */
    private static Map<String, Optional<String>> env(List<ObjectNode> objects, JsonNode c, String where, List<String> problems) {
        Map<String, Optional<String>> env = new HashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            if (!from.has("configMapRef") || from.has("prefix")) {
                problems.add(where + ": envFrom other than a ConfigMap without prefix hides which names are set");
                continue;
            }
            String map = from.path("configMapRef").path("name").asText();
            ObjectNode cm = named(objects, "ConfigMap", map);
            if (cm == null) {
                problems.add(where + ": envFrom names ConfigMap " + map + ", which is not among the objects");
                continue;
            }
            cm.path("data").properties().forEach(e -> env.put(e.getKey(), Optional.of(e.getValue().asText())));
        }
        for (JsonNode e : c.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? Optional.of(e.path("value").asText()) : Optional.empty());
        }
        return env;
    }

    private static void service(List<ObjectNode> objects, ObjectNode s, Map<String, ServiceFacts> services, String where, List<String> problems) {
        ObjectNode target = selected(objects, s.path("spec").path("selector"));
        if (target == null) {
            problems.add(where + ": its selector matches no Deployment's pods");
            return;
        }
        ServiceFacts facts = services.get(target.path("spec").path("template").path("spec").path("containers").path(0).path("name").asText());
        for (JsonNode p : s.path("spec").path("ports")) {
            JsonNode tp = p.path("targetPort");
            boolean ok = tp.isInt() ? tp.asInt() == facts.httpPort() : "http".equals(tp.asText());
            if (!ok || p.path("port").asInt() != facts.httpPort()) {
                problems.add(where + ": must serve " + facts.httpPort() + " to the pods' port http");
            }
        }
    }

    private static void networkPolicy(List<ObjectNode> objects, ObjectNode n, Map<String, ServiceFacts> services, String where, List<String> problems) {
        ObjectNode target = selected(objects, n.path("spec").path("podSelector"));
        if (target == null) {
            problems.add(where + ": selects no Deployment's pods");
            return;
        }
        for (JsonNode rule : n.path("spec").path("ingress")) {
            for (JsonNode p : rule.path("ports")) {
                boolean any = false;
                for (ObjectNode d : ofKind(objects, "Deployment")) {
                    if (matches(n.path("spec").path("podSelector"), d)) {
                        ServiceFacts facts = services.get(d.path("spec").path("template").path("spec").path("containers").path(0).path("name").asText());
                        any |= facts != null && p.path("port").asInt() == facts.httpPort();
                    }
                }
                if (!any) {
                    problems.add(where + ": lets in port " + p.path("port") + ", which no selected service listens on");
                }
            }
        }
    }

    private static ObjectNode selected(List<ObjectNode> objects, JsonNode selector) {
        return ofKind(objects, "Deployment").stream().filter(d -> matches(selector, d)).findFirst().orElse(null);
    }

    private static boolean matches(JsonNode selector, ObjectNode deployment) {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode match = selector.has("matchLabels") ? selector.path("matchLabels") : selector;
        if (match.isEmpty()) {
            return true;
        }
        for (var e : match.properties()) {
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean emptyDir(JsonNode pod, String volume) {
        return volume != null && volume(pod, volume).has("emptyDir");
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode v : pod.path("volumes")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static boolean usesJavaCpp(ServiceFacts facts) {
        try (Stream<Path> files = Files.walk(Repo.path(facts.module()).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("org.bytedeco");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cache directory the services' images give JavaCPP (vigil.image.jvm-flags in the root pom). */
    static String javacppCacheDir(ServiceFacts facts) {
        try {
            Matcher flags = Pattern.compile("<vigil.image.jvm-flags>([^<]*)</vigil.image.jvm-flags>").matcher(Files.readString(Repo.path("pom.xml")));
            Matcher m = CACHEDIR.matcher(flags.find() ? flags.group(1) : "");
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }
}
