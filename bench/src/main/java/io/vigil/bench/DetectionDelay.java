package io.vigil.bench;

import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraMode;
import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long motion takes to become an event. A looped file cannot change its scene on cue, so this
 * part uses devstack's live test camera (one x264 encoder, GOP 1 s): still for a while (the
 * background settles), then moving at a known instant T, then still again until the event ended.
 */
final class DetectionDelay {

    static final String CAMERA = "live";
    static final int POST_ROLL_SECONDS = 2;
    private static final Duration SETTLE = Duration.ofSeconds(8);

    private DetectionDelay() {
    }

    static DetectionResult run(Rig rig, int repetitions) throws Exception {
        List<Double> arrived = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        int missed = 0;
        try (RtspCameraServer camera = RtspCameraServer.start(rig.work(), List.of(TestCamera.open(CAMERA, Scene.STILL)));
             EventWatcher events = new EventWatcher(rig.kafka().bootstrapServers());
             ServiceJvm ingest = rig.ingest("ingest-detection", Map.of())) {
            rig.statuses().clear();
            rig.publisher().config(rig.publisher().camera(CAMERA, camera.url(CAMERA), CameraMode.EVENTS, true,
                    io.vigil.contracts.CameraConfig.DEFAULT_PRE_ROLL_SECONDS, POST_ROLL_SECONDS));
            if (!rig.statuses().awaitStreaming(List.of(CAMERA), Duration.ofSeconds(60))) {
                throw new IllegalStateException("the live camera did not stream; see " + ingest.log());
            }
            for (int i = 0; i < repetitions; i++) {
                Commands.sleep(SETTLE);
                events.clear();
                Instant switched = Instant.now();
                camera.setScene(CAMERA, Scene.MOVING);
                EventWatcher.Arrived started = events.next(CAMERA, CameraEvent.EVENT_STARTED, Duration.ofSeconds(15));
                camera.setScene(CAMERA, Scene.STILL);
                if (started == null) {
                    missed++;
                    if (i == 0) {
                        return new DetectionResult(List.of(), List.of(), repetitions,
                                "no event.started within 15 s of motion: this ingest-service does not detect motion (yet)");
                    }
                    continue;
                }
                arrived.add(Duration.between(switched, started.at()).toMillis() / 1000.0);
                reported.add(Duration.between(switched, started.event().time()).toMillis() / 1000.0);
                // the event ends after the quiet time and the post-roll; the next switch needs a settled, idle camera
                events.next(CAMERA, CameraEvent.EVENT_ENDED, Duration.ofSeconds(30));
            }
            return new DetectionResult(arrived, reported, missed, "");
        } finally {
            rig.publisher().remove(CAMERA);
        }
    }
}
