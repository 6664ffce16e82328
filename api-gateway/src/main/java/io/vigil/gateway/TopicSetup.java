package io.vigil.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.kafka.TopicProvisioner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the Kafka topics that do not exist yet, before anything reads or writes them. */
@ApplicationScoped
public class TopicSetup {

    void onStart(@Observes @Priority(10) StartupEvent event,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                 GatewayConfig config) {
        TopicProvisioner.ensureTopics(bootstrapServers, config.topicReplicationFactor());
    }
}
