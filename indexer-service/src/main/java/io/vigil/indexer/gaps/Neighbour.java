package io.vigil.indexer.gaps;

import io.vigil.contracts.RecordingReason;
import io.vigil.indexer.catalog.CatalogEntry;
import io.vigil.indexer.catalog.SessionOrigin;

import java.time.Instant;

/**
 * A catalogued recording as gap detection sees it: when it covers, which session and pieces, what it
 * was recorded for, and why its session began.
 *
 * @param firstSequence null when not known (a file without journal)
 */
record Neighbour(String cameraId, String path, Instant start, Instant end, String sessionId, Long firstSequence,
                 Long lastSequence, RecordingReason reason, String eventId, SessionOrigin session) {

    static Neighbour of(CatalogEntry entry) {
        return new Neighbour(entry.cameraId(), entry.path(), entry.start(), entry.end(), entry.sessionId(),
                entry.firstSequence(), entry.lastSequence(), entry.reason(), entry.eventId(), entry.session());
    }

    /** Whether the camera was meant to record from this recording on to {@code later}: both continuous, or both of one event. */
    boolean sameRecordingAs(Neighbour later) {
        if (reason == RecordingReason.CONTINUOUS && later.reason == RecordingReason.CONTINUOUS) {
            return true;
        }
        return eventId != null && eventId.equals(later.eventId);
    }
}
