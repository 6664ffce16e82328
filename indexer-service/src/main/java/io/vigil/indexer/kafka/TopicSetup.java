package io.vigil.indexer.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.TopicProvisioner;
import io.vigil.indexer.IndexerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.Map;

/**
 * Creates the Vigil topics that do not exist yet, before the consumer subscribes: a consumer
 * asking for a missing topic could otherwise have the broker create it with default settings.
 */
@ApplicationScoped
public class TopicSetup {

    private final Map<String, Object> kafka;
    private final short replicationFactor;

    /** @param kafka every kafka.* setting, TLS and SASL included, as the service's other clients have them */
    TopicSetup(@Identifier("default-kafka-broker") Map<String, Object> kafka, IndexerConfig config) {
        this.kafka = kafka;
        this.replicationFactor = config.topicReplicationFactor();
    }

    // before SmallRye Reactive Messaging starts its channels (LIBRARY_BEFORE)
    void createMissingTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        TopicProvisioner.ensureTopics(kafka, replicationFactor);
    }
}
