package io.vigil.recorder.media;

import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.kafka.TopicProvisioner;
import io.vigil.recorder.config.RecorderConfig;
import io.vigil.recorder.config.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the Vigil topics that are missing before the consumer subscribes, so it never waits on one. */
@ApplicationScoped
public class MediaTopics {

    void onStart(@Observes @Priority(StartupOrder.TOPICS) StartupEvent event,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, RecorderConfig config) {
        TopicProvisioner.ensureTopics(bootstrapServers, config.topics().replicationFactor());
    }
}
