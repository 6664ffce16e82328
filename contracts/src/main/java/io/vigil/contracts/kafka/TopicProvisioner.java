package io.vigil.contracts.kafka;

import io.vigil.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics of {@link Topics#ALL} that do not exist yet, with their settings. Safe to run
 * from every replica at once; an existing topic is left as it is (operators may have tuned it).
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /** Against a broker without security (tests, the local stack). */
    public static void ensureTopics(String bootstrapServers, short replicationFactor) {
        ensureTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), replicationFactor);
    }

    /**
     * @param kafka the service's shared Kafka settings (its {@code kafka.*} properties: bootstrap servers,
     *              security.protocol, sasl.*, ssl.*); those an admin client knows are used, the rest ignored
     */
    public static void ensureTopics(Map<String, Object> kafka, short replicationFactor) {
        try (Admin admin = Admin.create(adminSettings(kafka))) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.of(replicationFactor))
                            .configs(spec.configs()))
                    .toList();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create Kafka topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating Kafka topic " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka did not create topic " + name + " within 30 s", e);
                }
            });
        }
    }

    /** The admin client's share of the shared settings: connection and security, not the consumers' or producers' own. */
    static Map<String, Object> adminSettings(Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name) && value != null) {
                settings.put(name, value);
            }
        });
        if (!settings.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is not set");
        }
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return settings;
    }
}
