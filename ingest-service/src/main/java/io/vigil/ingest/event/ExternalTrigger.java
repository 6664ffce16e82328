package io.vigil.ingest.event;

import io.vigil.contracts.Trigger;

import java.time.Duration;
import java.time.Instant;

/**
 * A trigger from another system (vigil.triggers), active from {@code start} for {@code duration}.
 *
 * @param triggerId null when the sender gave none; else the same id is applied only once
 * @param label     shown with the event, or null
 */
public record ExternalTrigger(String triggerId, Instant start, Duration duration, String label) {

    /** The trigger of a record; without its own time it happened at the record's timestamp. */
    public static ExternalTrigger of(Trigger trigger, Instant recordTime) {
        Instant start = trigger.time() != null ? trigger.time() : recordTime;
        int seconds = trigger.durationSeconds() == null ? 0 : trigger.durationSeconds();
        return new ExternalTrigger(trigger.triggerId(), start, Duration.ofSeconds(seconds), trigger.label());
    }

    public Instant end() {
        return start.plus(duration);
    }
}
