package io.vigil.indexer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/** The indexer's own settings; Quarkus refuses to start, naming the property, when one is out of range. */
@ConfigMapping(prefix = "vigil.indexer")
public interface IndexerConfig {

    /** How often the recordings volume is searched for files the catalog does not know (the first search runs at start). */
    @WithDefault("5m")
    @DurationMin(seconds = 1)
    Duration backfillInterval();

    /** Files modified more recently than this are left to their "recording closed" event: they may still be written. */
    @WithDefault("2m")
    @DurationMin(seconds = 0)
    Duration backfillMinAge();

    /** How long ffprobe may take for one file before it is stopped and the probe counted as failed. */
    @WithDefault("30s")
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 10)
    Duration probeTimeout();

    /** The longest pause between two attempts to write a row while PostgreSQL is unreachable. */
    @WithDefault("30s")
    @DurationMin(millis = 100)
    Duration catalogRetryMaxDelay();

    /** How often retention runs: expired and over-cap recordings, unfinished deletions, orphans (the first pass runs at start). */
    @WithDefault("1m")
    @DurationMin(seconds = 1)
    Duration retentionInterval();

    /** How often the volume's usage is checked against the storage thresholds (often, so block is rarely reached). */
    @WithDefault("10s")
    @DurationMin(millis = 100)
    @DurationMax(minutes = 10)
    Duration storageCheckInterval();

    /** Replication factor of the topics the indexer creates when they are missing. */
    @WithDefault("1")
    @Min(1)
    @Max(32)
    short topicReplicationFactor();
}
