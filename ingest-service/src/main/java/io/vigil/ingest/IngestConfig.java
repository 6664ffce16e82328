package io.vigil.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vigil.contracts.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.Optional;

/** Settings of the ingest service, checked at start-up; a bad value stops the service with its name. */
@ConfigMapping(prefix = "vigil.ingest")
public interface IngestConfig {

    /** Names this replica in camera status records; defaults to $HOSTNAME, then the host name. */
    Optional<String> instanceId();

    /** A stream that delivers no video packet for this long is closed and reopened. */
    @WithDefault("10s")
    @DurationMin(seconds = 1, message = "must be at least 1 s")
    @DurationMax(minutes = 5, message = "must be at most 5 min")
    Duration silenceTimeout();

    /** How often a streaming camera's status (fps, bitrate) is republished. */
    @WithDefault("5s")
    @DurationMin(seconds = 1, message = "must be at least 1 s")
    Duration statusInterval();

    @Valid
    Reconnect reconnect();

    /**
     * The muxer starts a new fragment once this many media bytes are pending, so a long GOP becomes
     * several pieces (the later ones without a keyframe) and every piece fits a Kafka record.
     */
    @WithDefault("8388608")
    @Min(value = 65_536, message = "must be at least 64 KiB")
    @Max(value = Topics.MAX_MEDIA_RECORD_BYTES / 2, message = "must be at most half of the 32 MiB media record limit")
    int fragmentMaxBytes();

    @Valid
    TopicSetup topics();

    @Valid
    MediaProducer mediaProducer();

    @Valid
    PreRoll preRoll();

    @Valid
    Motion motion();

    @Valid
    Triggers triggers();

    @Valid
    ClockDrift clock();

    @Valid
    Sources sources();

    @Valid
    Tls tls();

    /** How rtsps:// cameras' certificates are verified (docs/sources.md). */
    interface Tls {
        /** A PEM file of CA certificates trusted for cameras besides the JDK's trust store; checked at start-up. */
        Optional<String> caFile();

        /** False leaves TLS to FFmpeg, which does not verify the certificate: a warning is logged for every camera. */
        @WithDefault("true")
        boolean verify();
    }

    /** HLS and HTTP sources, and imports (docs/sources.md). */
    interface Sources {
        /** A segment that fails is retried this often, with a doubling wait, before it is skipped (a gap). */
        @WithDefault("10")
        @Min(value = 0, message = "must not be negative")
        @Max(value = 100, message = "must be at most 100")
        int segmentRetries();

        @WithDefault("500ms")
        @DurationMin(millis = 1, message = "must be at least 1 ms")
        Duration segmentBackoffInitial();

        @WithDefault("10s")
        @DurationMax(minutes = 5, message = "must be at most 5 min")
        Duration segmentBackoffMax();

        /** This many failed loads of a media playlist in a row reload the master playlist. */
        @WithDefault("5")
        @Min(value = 1, message = "must be at least 1")
        int playlistFailures();

        /** Timeout of every HTTP request of an HLS source and of an import's reads. */
        @WithDefault("10s")
        @DurationMin(seconds = 1, message = "must be at least 1 s")
        @DurationMax(minutes = 5, message = "must be at most 5 min")
        Duration requestTimeout();

        /** How often a running import publishes its progress. */
        @WithDefault("1s")
        @DurationMin(millis = 100, message = "must be at least 100 ms")
        Duration progressInterval();
    }

    interface Reconnect {
        @WithDefault("1s")
        @DurationMin(millis = 100, message = "must be at least 100 ms")
        Duration initialDelay();

        @WithDefault("30s")
        @DurationMin(seconds = 1, message = "must be at least 1 s")
        Duration maxDelay();

        /** A stream that ran this long was healthy: the next failure starts the backoff again from the initial delay. */
        @WithDefault("30s")
        @DurationMin(seconds = 1, message = "must be at least 1 s")
        Duration healthyAfter();
    }

    interface TopicSetup {
        /** Create missing topics of {@link Topics#ALL} at start-up; off where an operator owns the topics. */
        @WithDefault("true")
        boolean create();

        @WithDefault("1")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 32, message = "must be at most 32")
        short replicationFactor();
    }

    interface MediaProducer {
        /** Waiting this long lets pieces of several cameras share a request. */
        @WithDefault("5ms")
        @DurationMax(seconds = 1, message = "must be at most 1 s")
        Duration linger();

        /** Room for pieces not yet acknowledged; must hold at least one record of the largest size. */
        @WithDefault("67108864")
        @Min(value = Topics.MAX_MEDIA_RECORD_BYTES + 1_048_576L, message = "must hold one 33 MiB record")
        long bufferMemory();

        /** How long a piece is retried while Kafka is unreachable before it is given up as lost. */
        @WithDefault("2m")
        @DurationMin(seconds = 10, message = "must be at least 10 s")
        Duration deliveryTimeout();
    }

    /** Memory for the cameras' pre-roll buffers (mode events). */
    interface PreRoll {
        /**
         * All buffers of the process together; when reached, the oldest buffered pieces of any camera
         * are dropped first. Default: 16 cameras at 4 Mbit/s with 10 s each, plus a GOP of slack.
         */
        @WithDefault("104857600")
        @Min(value = 0, message = "must not be negative")
        long budget();

        /** One camera's buffer; a camera with a huge bitrate or GOP cannot take the whole budget. */
        @WithDefault("33554432")
        @Min(value = 1_048_576, message = "must be at least 1 MiB")
        long maxBytesPerCamera();
    }

    /** Timing of motion detection, the same for every camera (sensitivity, area and masks are per camera). */
    interface Motion {
        /** Motion starts once the score stayed above the threshold this long (1 s: two keyframes at a 1 s GOP). */
        @WithDefault("1s")
        @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 1, message = "must be at most 1 min")
        Duration confirm();

        /** Motion ends once the score stayed below the threshold this long. */
        @WithDefault("3s")
        @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 10, message = "must be at most 10 min")
        Duration quiet();

        /** Width in pixels of the grayscale picture the detector compares (the height follows the aspect ratio). */
        @WithDefault("160")
        @Min(value = 16, message = "must be at least 16")
        @Max(value = 1920, message = "must be at most 1920")
        int analysisWidth();
    }

    interface Triggers {
        /**
         * At start-up external triggers are read from this long ago, so a restart does not miss the
         * ones sent meanwhile; older ones are applied only if their duration still reaches the present.
         */
        @WithDefault("60s")
        @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(hours = 24, message = "must be at most 24 h (the trigger topic's retention)")
        Duration lookback();
    }

    /** Measuring and slewing a camera clock's drift against the host's (docs/time.md). */
    interface ClockDrift {
        /** The fastest a drift is worked off: wall-clock durations of pieces change by at most this many ppm. */
        @WithDefault("500")
        @Min(value = 1, message = "must be at least 1 ppm")
        @Max(value = 500, message = "must be at most 500 ppm (0.05 %, invisible to a viewer)")
        int maxSlewPpm();

        /** Slewing starts once a camera's recorded time is off by more than this. */
        @WithDefault("100ms")
        @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(seconds = 10, message = "must be at most 10 s")
        Duration slewThreshold();

        /** A drift beyond this (after what was slewed) ends the session; the next one starts with a fresh anchor. */
        @WithDefault("10s")
        @DurationMin(seconds = 1, message = "must be at least 1 s")
        @DurationMax(hours = 1, message = "must be at most 1 h")
        Duration maxSkew();

        /**
         * The drift is the highest skew seen over this long (network delay only lowers a sample). Longer
         * rides out longer congestion; while a camera's clock runs slow the estimate lags by this window
         * times the drift rate (18 ms at 1 min and 300 ppm).
         */
        @WithDefault("1m")
        @DurationMin(seconds = 10, message = "must be at least 10 s")
        @DurationMax(hours = 1, message = "must be at most 1 h")
        Duration driftWindow();
    }
}
