package io.vigil.recorder.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.InstantSource;

/** The recorder's meters; per-camera ones carry a {@code camera} tag (see the README for their Prometheus names). */
public final class RecorderMetrics {

    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Counter malformed;
    private final Counter statusFailures;

    public RecorderMetrics(MeterRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
        this.malformed = Counter.builder("vigil.recorder.records.malformed")
                .description("Media records skipped because they do not follow the contract")
                .register(registry);
        this.statusFailures = Counter.builder("vigil.recorder.status.failures")
                .description("Recorder status records Kafka did not take (recording goes on regardless)")
                .register(registry);
    }

    public CameraMeters camera(String cameraId) {
        return new CameraMeters(registry, cameraId, clock);
    }

    public void malformedRecord() {
        malformed.increment();
    }

    public void statusFailed() {
        statusFailures.increment();
    }
}
