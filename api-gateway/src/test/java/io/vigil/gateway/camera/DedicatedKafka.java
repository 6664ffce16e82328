package io.vigil.gateway.camera;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.devstack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A broker of the test's own, which it may stop and start; injected into the test's KafkaBroker field. */
public final class DedicatedKafka implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(Files.createTempDirectory(Files.createDirectories(Path.of("target", "devstack")), "dedicated-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker, new TestInjector.MatchesType(KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
