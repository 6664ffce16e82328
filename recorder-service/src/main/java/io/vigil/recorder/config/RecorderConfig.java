package io.vigil.recorder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vigil.recorder.file.FsyncPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.Optional;

/** The recorder's settings ({@code vigil.recorder.*}); a bad value stops start-up with a message naming it. */
@ConfigMapping(prefix = "vigil.recorder")
public interface RecorderConfig {

    /** A file with no new piece for this long is closed (the camera went offline). */
    @WithDefault("20s")
    @DurationMin(seconds = 1)
    @DurationMax(hours = 24)
    Duration idleClose();

    /** When written bytes are forced to disk: {@code piece} (before each Kafka ack) or {@code close}. */
    @WithDefault("piece")
    FsyncPolicy fsync();

    /** How long to wait for Kafka to accept a RecordingClosed event before the close is retried. */
    @WithDefault("30s")
    @DurationMin(seconds = 1)
    Duration announceTimeout();

    /** How many of a camera's newest journals recovery reads to recognise replayed pieces. */
    @WithDefault("8")
    @Min(1)
    @Max(1000)
    int recoveryJournals();

    /** The name this replica puts in its recorder status; default $HOSTNAME (the pod name), else the host name. */
    Optional<String> instanceId();

    Retry retry();

    Topics topics();

    /** Backoff between attempts to write a piece after a failure (disk full, permissions). */
    interface Retry {

        @WithDefault("1s")
        @DurationMin(millis = 10)
        Duration initial();

        @WithDefault("30s")
        @DurationMin(millis = 10)
        Duration max();
    }

    interface Topics {

        /** Replication factor of the topics created at start-up when missing (1 for a single broker). */
        @WithDefault("1")
        @Min(1)
        @Max(32)
        short replicationFactor();
    }
}
