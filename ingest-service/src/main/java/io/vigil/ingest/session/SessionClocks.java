package io.vigil.ingest.session;

import io.vigil.ingest.time.SessionClock;

/** Makes a session's clock when its first keyframe arrives: a live source anchors on the wall clock, an import on its start. */
@FunctionalInterface
public interface SessionClocks {

    /** @param arrivalNanos System.nanoTime() when the first keyframe arrived */
    SessionClock start(long arrivalNanos);
}
