package io.vigil.ingest.session;

import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.motion.MotionTuning;

import java.time.Duration;

/** What every camera session is run with. */
public record SessionSettings(Duration silenceTimeout, Duration initialDelay, Duration maxDelay, Duration healthyAfter,
                              int fragmentMaxBytes, MotionTuning motionTuning) {

    /** Timestamps that jump ahead of elapsed time by more than this are a discontinuity (docs/time.md). */
    static final Duration DISCONTINUITY = Duration.ofSeconds(1);

    /** @throws IllegalArgumentException naming the setting when the reconnect delays contradict each other */
    public static SessionSettings of(IngestConfig config) {
        IngestConfig.Reconnect reconnect = config.reconnect();
        if (reconnect.maxDelay().compareTo(reconnect.initialDelay()) < 0) {
            throw new IllegalArgumentException("vigil.ingest.reconnect.max-delay (" + reconnect.maxDelay().toMillis()
                    + " ms) must not be shorter than vigil.ingest.reconnect.initial-delay (" + reconnect.initialDelay().toMillis() + " ms)");
        }
        IngestConfig.Motion motion = config.motion();
        return new SessionSettings(config.silenceTimeout(), reconnect.initialDelay(), reconnect.maxDelay(),
                reconnect.healthyAfter(), config.fragmentMaxBytes(),
                new MotionTuning(motion.confirm(), motion.quiet(), motion.analysisWidth()));
    }
}
