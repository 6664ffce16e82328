package io.vigil.recorder.camera;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last sequence written for each of a camera's recent sessions: how a replayed piece (Kafka
 * redelivers everything after the last committed offset) is recognised without touching the disk.
 * Recent sessions, not just the current one: a replay can begin before a session change.
 */
final class SequenceLedger {

    private static final int SESSIONS = 32;

    private final Map<String, Long> lastSequence = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > SESSIONS;
        }
    };

    /** The piece is at or below the last written of its session. */
    boolean isWritten(String sessionId, long sequence) {
        Long last = lastSequence.get(sessionId);
        return last != null && sequence <= last;
    }

    void written(String sessionId, long sequence) {
        lastSequence.merge(sessionId, sequence, Math::max);
    }
}
