package io.vigil.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/** The gateway's own settings; Quarkus refuses to start, naming the property, when one is out of range. */
@ConfigMapping(prefix = "vigil.gateway")
public interface GatewayConfig {

    /** A camera status not refreshed for this long is shown offline: its ingest instance is gone. */
    @WithDefault("30s")
    @DurationMin(seconds = 1)
    Duration statusStaleAfter();

    /**
     * A running import whose status was not renewed for this long is shown as an error ({@code failure},
     * "ingest instance lost"): ingest renews it every progress interval (1 s) while the import runs, so
     * silence means the instance died (kill -9, a lost machine). Imports are not resumed.
     */
    @WithDefault("30s")
    @DurationMin(seconds = 5)
    Duration importLostAfter();

    /** The widest recordings query, so one request cannot read the whole catalog. */
    @WithDefault("31d")
    @DurationMin(minutes = 1)
    Duration maxQuerySpan();

    /** The span of a recordings query that does not say where it starts. */
    @WithDefault("24h")
    @DurationMin(minutes = 1)
    Duration defaultQuerySpan();

    /**
     * The longest span a playlist or a clip may cover: a day of 1-second fragments is a playlist of
     * about 8 MB, and a clip that long is a download of gigabytes.
     */
    @WithDefault("24h")
    @DurationMin(minutes = 1)
    @DurationMax(days = 31)
    Duration maxPlaybackSpan();

    /** How long a camera change waits for Kafka's acknowledgement before it is rolled back (503). */
    @WithDefault("10s")
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 5)
    Duration publishTimeout();

    /** How often the camera-config topic is compared with the camera table and repaired. */
    @WithDefault("5m")
    @DurationMin(seconds = 10)
    Duration reconcileInterval();

    /** Replication factor of the topics the gateway creates when they are missing. */
    @WithDefault("1")
    @Min(1)
    @Max(32)
    short topicReplicationFactor();
}
