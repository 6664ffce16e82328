package io.vigil.ingest.session;

import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.hls.HlsRetry;
import io.vigil.ingest.motion.MotionTuning;
import io.vigil.ingest.time.DriftSettings;
import io.vigil.ingest.tls.CameraTrust;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every camera session is run with.
 *
 * @param cameraTrust verifies rtsps:// cameras' certificates; null leaves TLS to FFmpeg, unverified
 *                    ({@code vigil.ingest.tls.verify=false})
 */
public record SessionSettings(Duration silenceTimeout, Duration initialDelay, Duration maxDelay, Duration healthyAfter,
                              int fragmentMaxBytes, MotionTuning motionTuning, DriftSettings drift, HlsRetry hls,
                              CameraTrust cameraTrust) {

    /** Settings that verify cameras' certificates against the JDK's trust store. */
    public SessionSettings(Duration silenceTimeout, Duration initialDelay, Duration maxDelay, Duration healthyAfter,
                           int fragmentMaxBytes, MotionTuning motionTuning, DriftSettings drift, HlsRetry hls) {
        this(silenceTimeout, initialDelay, maxDelay, healthyAfter, fragmentMaxBytes, motionTuning, drift, hls,
                CameraTrust.jdkDefault());
    }

    /** Settings with the default HLS retries. */
    public SessionSettings(Duration silenceTimeout, Duration initialDelay, Duration maxDelay, Duration healthyAfter,
                           int fragmentMaxBytes, MotionTuning motionTuning, DriftSettings drift) {
        this(silenceTimeout, initialDelay, maxDelay, healthyAfter, fragmentMaxBytes, motionTuning, drift, HlsRetry.DEFAULT);
    }

    /** Settings with the default drift handling. */
    public SessionSettings(Duration silenceTimeout, Duration initialDelay, Duration maxDelay, Duration healthyAfter,
                           int fragmentMaxBytes, MotionTuning motionTuning) {
        this(silenceTimeout, initialDelay, maxDelay, healthyAfter, fragmentMaxBytes, motionTuning, DriftSettings.DEFAULT);
    }

    /** Timestamps that jump ahead of elapsed time by more than this are a discontinuity (docs/time.md). */
    static final Duration DISCONTINUITY = Duration.ofSeconds(1);

    /** @throws IllegalArgumentException naming the setting when the reconnect delays or the clock settings contradict each other */
    public static SessionSettings of(IngestConfig config) {
        IngestConfig.Reconnect reconnect = config.reconnect();
        if (reconnect.maxDelay().compareTo(reconnect.initialDelay()) < 0) {
            throw new IllegalArgumentException("vigil.ingest.reconnect.max-delay (" + reconnect.maxDelay().toMillis()
                    + " ms) must not be shorter than vigil.ingest.reconnect.initial-delay (" + reconnect.initialDelay().toMillis() + " ms)");
        }
        IngestConfig.ClockDrift clock = config.clock();
        if (clock.maxSkew().compareTo(clock.slewThreshold()) <= 0) {
            throw new IllegalArgumentException("vigil.ingest.clock.max-skew (" + clock.maxSkew().toMillis()
                    + " ms) must be longer than vigil.ingest.clock.slew-threshold (" + clock.slewThreshold().toMillis() + " ms)");
        }
        IngestConfig.Motion motion = config.motion();
        return new SessionSettings(config.silenceTimeout(), reconnect.initialDelay(), reconnect.maxDelay(),
                reconnect.healthyAfter(), config.fragmentMaxBytes(),
                new MotionTuning(motion.confirm(), motion.quiet(), motion.analysisWidth()),
                new DriftSettings(clock.maxSlewPpm(), clock.slewThreshold(), clock.maxSkew(), clock.driftWindow()),
                hlsRetry(config.sources()), cameraTrust(config.tls()));
    }

    /**
     * The trust for cameras' certificates, null when verification is off. A CA file is read either way,
     * so a broken one is found at start-up, not when verification is turned back on.
     *
     * @throws IllegalArgumentException naming vigil.ingest.tls.ca-file when the file is missing or not a PEM bundle
     */
    public static CameraTrust cameraTrust(IngestConfig.Tls tls) {
        CameraTrust trust;
        try {
            trust = tls.caFile().map(file -> CameraTrust.withBundle(Path.of(file))).orElseGet(CameraTrust::jdkDefault);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vigil.ingest.tls.ca-file: " + e.getMessage(), e);
        }
        return tls.verify() ? trust : null;
    }

    /** @throws IllegalArgumentException when the segment backoff's cap is below its start */
    public static HlsRetry hlsRetry(IngestConfig.Sources sources) {
        if (sources.segmentBackoffMax().compareTo(sources.segmentBackoffInitial()) < 0) {
            throw new IllegalArgumentException("vigil.ingest.sources.segment-backoff-max must not be shorter than "
                    + "vigil.ingest.sources.segment-backoff-initial");
        }
        return new HlsRetry(sources.segmentRetries(), sources.segmentBackoffInitial(), sources.segmentBackoffMax(),
                sources.playlistFailures(), sources.requestTimeout());
    }
}
