package io.vigil.ingest.motion;

import io.vigil.contracts.MotionSettings;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

/**
 * Watches one camera session's video for motion, on keyframes only: each is decoded to a small gray
 * picture ({@link KeyframeDecoder}), compared with the learned background ({@link BackgroundModel}),
 * scored on the cells the masks leave ({@link MotionMask}, {@link ChangeScore}) and passed through
 * hysteresis ({@link MotionGate}). At a 1 s GOP that is one small decode a second per camera.
 *
 * <p>{@link #observe} and {@link #close} belong to the camera thread; {@link #update} and the
 * readings ({@link #lastScore()}, {@link #framesAnalyzed()}, {@link #inMotion()}) may come from any
 * thread. A close racing an observe is safe: the native decoder is freed only between keyframes.
 */
public final class MotionWatch implements AutoCloseable {

    private final MotionTuning tuning;
    private final KeyframeDecoder decoder;
    private final MotionGate gate;
    private final Object nativeLock = new Object();

    /** What {@link #update} asked for; picked up by the camera thread at the next keyframe. */
    private volatile MotionSettings requested;
    private volatile double lastScore;
    private volatile long framesAnalyzed;
    private volatile boolean inMotion;

    // camera thread only (under nativeLock): the picture's state, built at the first decoded frame
    private MotionSettings applied;
    private MotionThresholds thresholds;
    private MotionMask mask;
    private BackgroundModel background;
    private boolean[] changed;
    private boolean closed;

    private MotionWatch(MotionSettings settings, MotionTuning tuning, KeyframeDecoder decoder) {
        this.requested = settings;
        this.tuning = tuning;
        this.decoder = decoder;
        this.gate = new MotionGate(tuning.confirm(), tuning.quiet());
    }

    /**
     * Opens a keyframe-only decoder for the camera's video stream.
     *
     * @throws IllegalStateException if FFmpeg cannot decode it
     */
    public static MotionWatch open(AVCodecParameters video, MotionSettings settings, MotionTuning tuning) {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tuning, "tuning");
        return new MotionWatch(settings, tuning, KeyframeDecoder.open(video, tuning.analysisWidth()));
    }

    /**
     * Called for every video packet of the session (after the session timeline placed it), on the
     * camera thread. Does not modify or unref the packet. Non-key packets return empty at once.
     *
     * @param at when the packet's frame was shot (session time)
     * @return a change when motion starts or ends
     */
    public Optional<MotionChange> observe(AVPacket packet, Instant at) {
        if ((packet.flags() & AV_PKT_FLAG_KEY) == 0) {
            return Optional.empty();
        }
        synchronized (nativeLock) {
            if (closed) {
                return Optional.empty();
            }
            MotionSettings settings = requested;
            if (!settings.enabled()) {
                return switchedOff(at);
            }
            if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
                return Optional.empty();
            }
            byte[] picture = decoder.decode(packet);
            if (picture == null) {
                return Optional.empty();
            }
            return analyse(picture, settings, at);
        }
    }

    /** New sensitivity, minimum area and masks, applied from the next analysed frame (no reconnect). */
    public void update(MotionSettings settings) {
        requested = Objects.requireNonNull(settings, "settings");
    }

    /** Share (0..1) of the unmasked cells that changed in the last analysed frame. */
    public double lastScore() {
        return lastScore;
    }

    /** Keyframes decoded and compared so far (the first only teaches the background). */
    public long framesAnalyzed() {
        return framesAnalyzed;
    }

    public boolean inMotion() {
        return inMotion;
    }

    /** Frees the decoder's native memory; idempotent. Motion still running is not reported as ended. */
    @Override
    public void close() {
        synchronized (nativeLock) {
            if (!closed) {
                closed = true;
                decoder.close();
            }
        }
    }

    private Optional<MotionChange> analyse(byte[] picture, MotionSettings settings, Instant at) {
        int width = decoder.width();
        int height = decoder.height();
        if (background == null) {
            background = new BackgroundModel(width * height);
            changed = new boolean[width * height];
        }
        if (settings != applied) {
            thresholds = MotionThresholds.of(settings);
            mask = MotionMask.of(settings.masks(), width, height);
            applied = settings;
        }
        framesAnalyzed++;
        if (!background.learned()) {
            background.learn(picture, changed);
            lastScore = 0;
            return Optional.empty();
        }
        int changedCells = background.compare(picture, thresholds.lumaChange(), changed);
        background.learn(picture, changed);
        ChangeScore score = changedCells == 0 ? ChangeScore.NONE : ChangeScore.of(changed, mask, width, height);
        lastScore = score.share();
        boolean above = score.box() != null && score.share() >= thresholds.minShare();
        Optional<MotionChange> change = gate.frame(at, above, score.share(), score.box());
        inMotion = gate.moving();
        return change;
    }

    /** Detection was switched off: running motion ends now, and the background is stale when it comes back. */
    private Optional<MotionChange> switchedOff(Instant at) {
        if (background != null) {
            background.forget();
        }
        lastScore = 0;
        Optional<MotionChange> change = gate.stop(at);
        inMotion = false;
        return change;
    }
}
