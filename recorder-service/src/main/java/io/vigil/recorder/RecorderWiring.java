package io.vigil.recorder;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.recorder.announce.RecorderStatusPublisher;
import io.vigil.recorder.announce.RecordingAnnouncer;
import io.vigil.recorder.camera.CameraRecorders;
import io.vigil.recorder.camera.RecorderSettings;
import io.vigil.recorder.config.RecorderConfig;
import io.vigil.recorder.config.RecordingsConfig;
import io.vigil.recorder.metrics.RecorderMetrics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.InstantSource;

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
    CameraRecorders recorders(RecorderConfig config, RecordingsConfig recordings, RecordingAnnouncer announcer,
                              RecorderStatusPublisher status, RecorderMetrics metrics) {
        RecorderSettings settings = new RecorderSettings(recordings.root().toAbsolutePath(), config.fsync(),
                config.recoveryJournals(), InstantSource.system());
        return new CameraRecorders(settings, announcer, status, metrics);
    }
}
