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

    /** The widest recordings query, so one request cannot read the whole catalog. */
    @WithDefault("31d")
    @DurationMin(minutes = 1)
    Duration maxQuerySpan();

    /** The span of a recordings query that does not say where it starts. */
    @WithDefault("24h")
    @DurationMin(minutes = 1)
    Duration defaultQuerySpan();

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
