package io.vigil.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}s, every topic created: one per test JVM, shared by
 * all test classes (use topics and consumer groups that do not collide, or read from known offsets).
 */
public final class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // the broker outlives this application instance; it stops when the JVM exits
    }
}
