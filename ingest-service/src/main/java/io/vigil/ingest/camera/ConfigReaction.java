package io.vigil.ingest.camera;

import io.vigil.contracts.CameraConfig;

import java.util.Objects;

/** What a running camera does when a configuration record for it arrives. */
enum ConfigReaction {
    /** Same revision (a replay) or an older one (a stale copy): nothing changes. */
    IGNORE,
    /**
     * Only fields the running camera takes on the fly changed (name, rotation, pre-roll, post-roll,
     * maximum event length, motion settings): no reconnect.
     */
    UPDATE,
    /** The URL or the mode changed: the session restarts. */
    RESTART;

    static ConfigReaction of(CameraConfig running, CameraConfig incoming) {
        if (incoming.revision() <= running.revision()) {
            return IGNORE;
        }
        if (running.sameSource(incoming) && running.mode() == incoming.mode()) {
            return UPDATE;
        }
        return RESTART;
    }
}
