package io.vigil.indexer.kafka;

import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.kafka.TopicProvisioner;
import io.vigil.indexer.IndexerConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the Vigil topics that do not exist yet, before the consumer subscribes: a consumer
 * asking for a missing topic could otherwise have the broker create it with default settings.
 */
@ApplicationScoped
public class TopicSetup {

    private final String bootstrapServers;
    private final short replicationFactor;

    TopicSetup(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, IndexerConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = config.topicReplicationFactor();
    }

    // before SmallRye Reactive Messaging starts its channels (LIBRARY_BEFORE)
    void createMissingTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        TopicProvisioner.ensureTopics(bootstrapServers, replicationFactor);
    }
}
