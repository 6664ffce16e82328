package io.vigil.deploycheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates objects against the Kubernetes API types: each apiVersion/kind is read into fabric8's
 * generated model of the API (kubernetes-model 7.6, Kubernetes 1.33's OpenAPI), with no type coercion,
 * and any field the API does not define (fabric8 keeps those in additionalProperties) is an error.
 * Strimzi's KafkaTopic and the Prometheus Operator's ServiceMonitor are CRDs: {@link CrdSchemas}.
 */
final class KubernetesSchema {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** RFC 1123 subdomain: what most object names must be. */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** RFC 1035 label: Service names (they become DNS names). */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        // the API takes no number or boolean where it wants a string (an unquoted env value, ConfigMap datum)
        STRICT.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private KubernetesSchema() {
    }

    /** The problems of one object, empty when it is valid; {@code source} names it in the messages. */
    static List<String> problems(ObjectNode object, String source) {
        List<String> problems = new ArrayList<>();
        String apiVersion = text(object, "apiVersion");
        String kind = text(object, "kind");
        String name = object.path("metadata").path("name").asText("");
        String where = source + " " + kind + "/" + name;
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            problems.add(where + ": apiVersion, kind and metadata.name are required");
            return problems;
        }
        if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 253) {
            problems.add(where + ": metadata.name is not a DNS subdomain name");
        }
        object.path("metadata").path("labels").properties().forEach(label -> {
            String value = label.getValue().isTextual() ? label.getValue().asText() : null;
            if (value == null || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                problems.add(where + ": label " + label.getKey() + " has an invalid value " + label.getValue());
            }
        });
        String type = apiVersion + "/" + kind;
        if (CrdSchemas.knows(type)) {
            problems.addAll(CrdSchemas.problems(type, object, where));
            return problems;
        }
        Class<? extends HasMetadata> javaType = TYPES.get(type);
        if (javaType == null) {
            problems.add(where + ": " + type + " is not a type this project ships (add it to KubernetesSchema deliberately)");
            return problems;
        }
        HasMetadata typed;
        try {
            typed = STRICT.treeToValue(object, javaType);
        } catch (Exception e) {
            problems.add(where + ": does not match the " + type + " schema: " + firstLine(e.getMessage()));
            return problems;
        }
        unknownFields(typed, kind, problems, where);
        problems.addAll(Semantics.problems(typed, where));
        if (typed instanceof Service && (!DNS_LABEL.matcher(name).matches() || name.length() > 63)) {
            problems.add(where + ": a Service name must be a DNS label of at most 63 characters");
        }
        return problems;
    }

    /** Walks the typed object: every model object's additionalProperties holds fields the API lacks. */
    private static void unknownFields(Object node, String path, List<String> problems, String where) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems, where);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, where));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (java.lang.reflect.InvocationTargetException e) {
                // a derived getter (Quantity's numerical amount) refusing the value: the value is invalid
                problems.add(where + ": invalid value at " + path + ": " + e.getCause());
                continue;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter + ": " + e, e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": unknown field(s) " + extra.keySet() + " at " + path);
                }
                continue;
            }
            String field = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
            unknownFields(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), problems, where);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
