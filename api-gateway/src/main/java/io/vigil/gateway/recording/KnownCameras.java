package io.vigil.gateway.recording;

import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraConfig;
import io.vigil.gateway.camera.CameraRepository;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which camera ids have footage to ask about: a camera in the table, or a removed one whose
 * recordings are still catalogued. Anything else is a 404; an id that is not even well-formed never
 * reaches a query.
 */
@ApplicationScoped
public class KnownCameras {

    private final CameraRepository cameras;
    private final RecordingRepository recordings;

    KnownCameras(CameraRepository cameras, RecordingRepository recordings) {
        this.cameras = cameras;
        this.recordings = recordings;
    }

    /** Completes when the camera is known, fails with a 404 problem otherwise; needs a session. */
    public Uni<Void> require(String id) {
        if (!CameraConfig.isValidId(id)) {
            return Uni.createFrom().failure(ProblemException.notFound("no such camera"));
        }
        return cameras.findById(id)
                .chain(camera -> camera != null ? Uni.createFrom().item(true) : recordings.anyOf(id))
                .chain(known -> known ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.notFound("no camera " + id)));
    }
}
