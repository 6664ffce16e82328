package io.vigil.ingest.event;

import java.time.Instant;

/**
 * A manual recording started through the API: named by its command's event id (a stop must name it
 * too), running until stopped or until {@code until} when that is set.
 */
record ManualRecording(String commandEventId, Instant startedAt, Instant until) {
}
