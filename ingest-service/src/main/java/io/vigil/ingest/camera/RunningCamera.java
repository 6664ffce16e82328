package io.vigil.ingest.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.ingest.event.EventRecorder;
import io.vigil.ingest.session.CameraSession;
import io.vigil.ingest.status.CameraStatusTracker;

import java.util.Optional;

/**
 * A camera this replica owns: the partition its config came from, the config applied, its status,
 * its event recorder (kept across session restarts, like the status), and its session (none in mode off).
 */
record RunningCamera(int partition, CameraConfig config, CameraStatusTracker status, EventRecorder recorder,
                     CameraSession activeSession) {

    Optional<CameraSession> session() {
        return Optional.ofNullable(activeSession);
    }

    RunningCamera with(CameraConfig newer) {
        return new RunningCamera(partition, newer, status, recorder, activeSession);
    }
}
