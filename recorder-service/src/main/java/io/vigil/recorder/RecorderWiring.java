package io.vigil.recorder;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.kafka.DeadLetters;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.announce.StorageEventPublisher;
import io.vigil.recorder.camera.CameraRecorders;
import io.vigil.recorder.camera.RecorderSettings;
import io.vigil.recorder.config.RecorderConfig;
import io.vigil.recorder.config.RecordingsConfig;
import io.vigil.recorder.config.StorageConfig;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.recorder.storage.StorageGate;
import io.vigil.recorder.metrics.RecorderMetrics;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/** Builds the plain recorder objects from the configuration; they know nothing of CDI, which keeps them easy to test. */
@Singleton
public class RecorderWiring {

    @Produces
    @Singleton
    RecorderMetrics metrics(MeterRegistry registry) {
        return new RecorderMetrics(registry, InstantSource.system());
    }

    @Produces
    @Singleton
    CameraRecorders recorders(RecorderConfig config, RecordingsConfig recordings, StorageConfig storage,
                              RecordingAnnouncer announcer, RecorderStatusPublisher status, RecorderMetrics metrics,
                              StorageEventPublisher storageEvents) {
        RecorderSettings settings = new RecorderSettings(recordings.root().toAbsolutePath(), config.fsync(),
                config.recoveryJournals(), InstantSource.system(), config.idleClose());
        StorageGate gate = StorageGate.of(settings.root(), StorageThresholds.checked(storage.warnPercent(), storage.blockPercent()),
                storage.refresh(), InstantSource.system());
        return new CameraRecorders(settings, announcer, status, metrics, gate, storageEvents);
    }

    /** Malformed media records go here, unchanged, before their offset is committed (docs/delivery.md). */
    @Produces
    @Singleton
    DeadLetters deadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new DeadLetters(kafka, "vigil-recorder", Duration.ofSeconds(10));
    }

    void closeDeadLetters(@Disposes DeadLetters deadLetters) {
        deadLetters.close();
    }
}
