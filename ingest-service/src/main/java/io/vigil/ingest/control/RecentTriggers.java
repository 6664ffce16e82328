package io.vigil.ingest.control;

import io.vigil.ingest.event.ExternalTrigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * External triggers of every camera whose duration has not run out yet, so a camera that starts here
 * while one of its triggers lasts (taken over from a replica that died) still records it.
 */
final class RecentTriggers {

    /** More than this many overlapping triggers of one camera add nothing but memory. */
    private static final int PER_CAMERA = 100;

    private final Map<String, List<ExternalTrigger>> byCamera = new HashMap<>();

    synchronized void add(String cameraId, ExternalTrigger trigger, Instant now) {
        prune(now);
        if (!trigger.end().isAfter(now)) {
            return;
        }
        List<ExternalTrigger> triggers = byCamera.computeIfAbsent(cameraId, id -> new ArrayList<>());
        triggers.add(trigger);
        if (triggers.size() > PER_CAMERA) {
            triggers.remove(0);
        }
    }

    /** The camera's triggers that still last at {@code now}, oldest first. */
    synchronized List<ExternalTrigger> lasting(String cameraId, Instant now) {
        prune(now);
        return List.copyOf(byCamera.getOrDefault(cameraId, List.of()));
    }

    private void prune(Instant now) {
        byCamera.values().forEach(triggers -> triggers.removeIf(trigger -> !trigger.end().isAfter(now)));
        byCamera.values().removeIf(List::isEmpty);
    }
}
