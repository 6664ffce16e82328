package io.vigil.gateway.event;

import java.time.Instant;

/** A recording that shows (part of) an event: one row of the second query of a listing. */
public record EventRecording(String eventId, long recordingId, Instant start, Instant end) {
}
