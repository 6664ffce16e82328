package io.vigil.gateway.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/** The audit log's settings (docs/audit.md); Quarkus refuses to start, naming the property, when one is out of range. */
@ConfigMapping(prefix = "vigil.audit")
public interface AuditConfig {

    /**
     * Requests of one recording's media by the same actor from the same address within this long are
     * one view: a player fetching a file as many byte ranges makes one entry, not one per fragment. 0:
     * every media request is an entry.
     */
    @WithDefault("10m")
    @DurationMax(hours = 24)
    Duration viewWindow();

    /** How often the outbox is drained to vigil.audit (also the delay of a copy after a Kafka outage ends). */
    @WithDefault("1s")
    @DurationMin(millis = 100)
    @DurationMax(minutes = 5)
    Duration outboxInterval();

    /** The most entries one drain publishes. */
    @WithDefault("200")
    @Min(1)
    @Max(10_000)
    int outboxBatch();

    /** How long audit rows are kept; older ones are deleted (not before their Kafka copy was acknowledged). */
    @WithDefault("400d")
    @DurationMin(days = 1)
    Duration retention();
}
