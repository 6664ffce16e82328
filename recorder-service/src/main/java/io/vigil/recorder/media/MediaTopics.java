package io.vigil.recorder.media;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.TopicProvisioner;
import io.vigil.recorder.config.RecorderConfig;
import io.vigil.recorder.config.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/** Creates the Vigil topics that are missing before the consumer subscribes, so it never waits on one. */
@ApplicationScoped
public class MediaTopics {

    void onStart(@Observes @Priority(StartupOrder.TOPICS) StartupEvent event,
                 @Identifier("default-kafka-broker") Map<String, Object> kafka, RecorderConfig config) {
        // every kafka.* setting, TLS and SASL included, as the service's other clients have them
        TopicProvisioner.ensureTopics(kafka, config.topics().replicationFactor());
    }
}
