package io.vigil.system;

import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test camera shows, and for how long: played step by step, remembering when each switch
 * happened, so a test can compare Vigil's event times with the moments the picture really changed.
 */
final class SceneScript {

    private record Step(Scene scene, Duration hold) {
    }

    private final RtspCameraServer cameras;
    private final String camera;
    private final List<Step> steps = new ArrayList<>();

    private SceneScript(RtspCameraServer cameras, String camera) {
        this.cameras = cameras;
        this.camera = camera;
    }

    static SceneScript on(RtspCameraServer cameras, String camera) {
        return new SceneScript(cameras, camera);
    }

    /** Switches to {@code scene}, then waits {@code hold} before the next step. */
    SceneScript show(Scene scene, Duration hold) {
        steps.add(new Step(scene, hold));
        return this;
    }

    /**
     * Plays every step on the calling thread. Returns, per step, the instant taken just before its
     * switch was sent: the picture changes at or after it, never before.
     */
    List<Instant> play() {
        List<Instant> switches = new ArrayList<>();
        for (Step step : steps) {
            switches.add(Instant.now());
            cameras.setScene(camera, step.scene());
            try {
                Thread.sleep(step.hold().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scene script of " + camera + " interrupted", e);
            }
        }
        return switches;
    }
}
