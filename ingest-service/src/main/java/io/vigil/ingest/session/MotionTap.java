package io.vigil.ingest.session;

import io.vigil.contracts.MotionSettings;
import io.vigil.ingest.motion.MotionChange;
import io.vigil.ingest.motion.MotionWatch;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * One session's motion detector: opened with the session's video parameters when motion is enabled,
 * shown every placed video packet before the muxer takes it, updated or closed when the settings
 * change, closed with the session. A detector that cannot open or fails leaves the session recording
 * without motion; the stream itself never fails because of it. When detection stops during motion,
 * the motion is reported ended there, so no event waits for an end that will never come.
 */
final class MotionTap implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MotionTap.class);

    private final String cameraId;
    private final CameraMotion camera;
    private AVCodecParameters video;
    private MotionWatch watch;
    private MotionSettings applied;
    private boolean failed;
    private long framesAnalyzed;
    private Instant lastAt;

    MotionTap(String cameraId, CameraMotion camera) {
        this.cameraId = cameraId;
        this.camera = camera;
    }

    /** The session's video stream, valid until the session ends; the detector opens at the next packet. */
    void start(AVCodecParameters videoParameters) {
        video = videoParameters;
    }

    /**
     * Shows the detector a video packet already placed on the session timeline; the packet is left
     * untouched. Changes go to the camera's listener on this thread.
     *
     * @throws RuntimeException only from the listener (it may publish pieces): the session fails as for a piece
     */
    void observe(AVPacket packet, Instant at) {
        lastAt = at;
        MotionSettings wanted = camera.settings();
        if (!wanted.equals(applied)) {
            apply(wanted, at);
        }
        if (watch == null) {
            return;
        }
        Optional<MotionChange> change;
        double score;
        boolean scored;
        try {
            change = watch.observe(packet, at);
            scored = watch.framesAnalyzed() != framesAnalyzed;
            framesAnalyzed = watch.framesAnalyzed();
            score = watch.lastScore();
        } catch (RuntimeException | LinkageError e) {
            fail("motion detection failed", e);
            stop(at);
            return;
        }
        if (scored) {
            camera.listener().motionScored(score);
        }
        change.ifPresent(camera.listener()::motionChanged);
    }

    /** Ends detection with the session; motion still going on ends at the last packet seen. */
    @Override
    public void close() {
        if (lastAt != null) {
            stop(lastAt);
        } else if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private void apply(MotionSettings wanted, Instant at) {
        applied = wanted;
        if (!wanted.enabled()) {
            stop(at);
        } else if (watch != null) {
            try {
                watch.update(wanted);
            } catch (RuntimeException e) {
                fail("motion settings could not be applied", e);
                stop(at);
            }
        } else if (!failed && video != null) {
            try {
                watch = MotionWatch.open(video, wanted, camera.tuning());
            } catch (RuntimeException | LinkageError e) {
                fail("motion detection cannot run on this video, recording without it", e);
            }
        }
    }

    private void stop(Instant at) {
        if (watch == null) {
            return;
        }
        boolean moving;
        double score;
        try {
            moving = watch.inMotion();
            score = watch.lastScore();
        } catch (RuntimeException e) {
            moving = false;
            score = 0;
        }
        try {
            watch.close();
        } catch (RuntimeException e) {
            LOG.debugf("camera %s: closing the motion detector failed: %s", cameraId, e.toString());
        }
        watch = null;
        if (moving) {
            camera.listener().motionChanged(new MotionChange.Ended(at, score, null));
        }
    }

    private void fail(String what, Throwable error) {
        failed = true;
        if (camera.firstFailure()) {
            LOG.warnf("camera %s: %s: %s", cameraId, what, error.toString());
        } else {
            LOG.debugf("camera %s: %s: %s", cameraId, what, error.toString());
        }
    }
}
