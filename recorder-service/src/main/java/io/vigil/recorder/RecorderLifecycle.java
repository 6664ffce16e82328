package io.vigil.recorder;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vigil.recorder.camera.CameraRecorders;
import io.vigil.recorder.config.RecorderConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Closes files outside the flow of pieces: when their camera falls silent, and when the recorder stops. */
@Singleton
public class RecorderLifecycle {

    private final CameraRecorders recorders;
    private final RecorderConfig config;

    @Inject
    RecorderLifecycle(CameraRecorders recorders, RecorderConfig config) {
        this.recorders = recorders;
        this.config = config;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeIdleFiles() {
        recorders.closeIdle(config.idleClose());
    }

    /** Runs before Quarkus Messaging stops its channels, so the closing files can still be announced. */
    void onStop(@Observes ShutdownEvent event) {
        recorders.stop();
    }
}
