package io.vigil.gateway;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.TopicProvisioner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/** Creates the Kafka topics that do not exist yet, before anything reads or writes them. */
@ApplicationScoped
public class TopicSetup {

    void onStart(@Observes @Priority(10) StartupEvent event,
                 @Identifier("default-kafka-broker") Map<String, Object> kafka,
                 GatewayConfig config) {
        // every kafka.* setting, TLS and SASL included, as the service's other clients have them
        TopicProvisioner.ensureTopics(kafka, config.topicReplicationFactor());
    }
}
