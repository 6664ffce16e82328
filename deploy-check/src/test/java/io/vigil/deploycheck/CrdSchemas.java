package io.vigil.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two custom resources the project ships, as typed records written from their documented specs
 * (Strimzi's KafkaTopic v1beta2, the Prometheus Operator's ServiceMonitor v1). Only the fields those
 * specs define are accepted, with their types; the CRDs' value rules that matter here are checked too.
 */
final class CrdSchemas {

    static final String KAFKA_TOPIC = "kafka.strimzi.io/v1beta2/KafkaTopic";
    static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";

    /** Prometheus duration, as the ServiceMonitor CRD's pattern has it. */
    private static final Pattern DURATION = Pattern.compile("(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)");

    record KafkaTopic(String apiVersion, String kind, ObjectMeta metadata, KafkaTopicSpec spec) {
    }

    /** {@code config} values are strings, numbers or booleans (the CRD's x-kubernetes-preserve-unknown-fields object). */
    record KafkaTopicSpec(String topicName, Integer partitions, Integer replicas, Map<String, JsonNode> config) {
    }

    record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, ServiceMonitorSpec spec) {
    }

    record ServiceMonitorSpec(String jobLabel, List<String> targetLabels, List<String> podTargetLabels,
            List<Endpoint> endpoints, LabelSelector selector, NamespaceSelector namespaceSelector, Long sampleLimit) {
    }

    record Endpoint(String port, JsonNode targetPort, String path, String scheme, Map<String, List<String>> params,
            String interval, String scrapeTimeout, Boolean honorLabels, Boolean honorTimestamps,
            List<Map<String, JsonNode>> relabelings, List<Map<String, JsonNode>> metricRelabelings,
            Authorization authorization) {
    }

    /** SafeAuthorization: {@code type} (default Bearer) and the Secret key holding the credentials. */
    record Authorization(String type, SecretKeySelector credentials) {
    }

    record SecretKeySelector(String name, String key, Boolean optional) {
    }

    record NamespaceSelector(Boolean any, List<String> matchNames) {
    }

    private CrdSchemas() {
    }

    static boolean knows(String type) {
        return type.equals(KAFKA_TOPIC) || type.equals(SERVICE_MONITOR);
    }

    static List<String> problems(String type, ObjectNode object, String where) {
        List<String> problems = new ArrayList<>();
        try {
            if (type.equals(KAFKA_TOPIC)) {
                kafkaTopic(KubernetesSchema.STRICT.treeToValue(object, KafkaTopic.class), where, problems);
            } else {
                serviceMonitor(KubernetesSchema.STRICT.treeToValue(object, ServiceMonitor.class), where, problems);
            }
        } catch (Exception e) {
            problems.add(where + ": does not match the " + type + " schema: " + KubernetesSchema.firstLine(e.getMessage()));
        }
        return problems;
    }

    private static void kafkaTopic(KafkaTopic topic, String where, List<String> problems) {
        KafkaTopicSpec spec = topic.spec();
        if (spec == null) {
            problems.add(where + ": spec is required");
            return;
        }
        if (spec.partitions() == null || spec.partitions() < 1) {
            problems.add(where + ": spec.partitions must be at least 1");
        }
        if (spec.replicas() == null || spec.replicas() < 1 || spec.replicas() > 32767) {
            problems.add(where + ": spec.replicas must be 1-32767");
        }
        if (spec.config() != null) {
            spec.config().forEach((k, v) -> {
                if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
                    problems.add(where + ": spec.config." + k + " must be a string, number or boolean");
                }
            });
        }
        if (topic.metadata().getLabels() == null || !topic.metadata().getLabels().containsKey("strimzi.io/cluster")) {
            problems.add(where + ": the label strimzi.io/cluster names the Kafka cluster; the Topic Operator ignores a topic without it");
        }
    }

    private static void serviceMonitor(ServiceMonitor monitor, String where, List<String> problems) {
        ServiceMonitorSpec spec = monitor.spec();
        if (spec == null || spec.selector() == null) {
            problems.add(where + ": spec.selector is required");
            return;
        }
        if (spec.endpoints() == null || spec.endpoints().isEmpty()) {
            problems.add(where + ": spec.endpoints is empty: nothing would be scraped");
            return;
        }
        for (Endpoint e : spec.endpoints()) {
            if (e.interval() != null && !DURATION.matcher(e.interval()).matches()) {
                problems.add(where + ": interval " + e.interval() + " is not a Prometheus duration");
            }
            if (e.port() == null && e.targetPort() == null) {
                problems.add(where + ": an endpoint needs port or targetPort");
            }
            if (e.authorization() != null && (e.authorization().credentials() == null
                    || e.authorization().credentials().name() == null || e.authorization().credentials().key() == null)) {
                problems.add(where + ": authorization.credentials must name a Secret and its key");
            }
        }
    }
}
