package io.vigil.ingest.session;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.SessionCause;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.status.CameraStatusTracker;
import io.vigil.ingest.status.FailureKind;
import io.vigil.ingest.tls.CertificateRefused;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one camera's stream running on the camera's own thread: open, copy until it breaks, wait
 * (1 s doubling to 30 s by default), open again, each time with a new session id. FFmpeg reads block,
 * so a thread per camera is what keeps one stuck camera from holding up the others.
 */
public final class CameraSession {

    private static final Logger LOG = Logger.getLogger(CameraSession.class);

    private final String cameraId;
    private final SourceInput.Address address;
    private final SessionSettings settings;
    private final CameraStatusTracker status;
    private final PieceSink sink;
    private final CameraMotion motion;
    private final Clock clock;
    private final SessionCause firstCause;
    private final String instance;
    private final Long ownerEpoch;
    private final Thread thread;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    /** Only the rotation and the motion settings can change while the session runs; anything else restarts it. */
    private volatile int rotationSeconds;
    private volatile boolean stopping;
    private FailureKind lastLoggedFailure;
    /** A live playlist's next segment: the next session carries on there, so no segment is recorded twice. */
    private Long nextSegment;

    /**
     * @param sink   where the pieces go (the camera's event recorder)
     * @param motion where motion changes go, when the camera's motion detection is enabled
     * @param firstCause why the first session begins: start (first on this instance) or config (restarted
     *                   for a new configuration); the later ones are reconnects
     * @param instance   this ingest instance's name, stamped on the pieces
     * @param ownerEpoch the fencing token stamped on the pieces: the group generation in which this instance
     *                   was assigned the camera's partition
     */
    public CameraSession(CameraConfig config, SessionSettings settings, CameraStatusTracker status, PieceSink sink,
                         MotionListener motion, Clock clock, SessionCause firstCause, String instance, Long ownerEpoch) {
        this.cameraId = config.id();
        this.address = new SourceInput.Address(config.url(), config.headers(), config.variant());
        this.rotationSeconds = config.rotationSeconds();
        this.settings = settings;
        this.status = status;
        this.sink = sink;
        this.motion = new CameraMotion(config.motion(), settings.motionTuning(), motion);
        this.clock = clock;
        this.firstCause = firstCause;
        this.instance = instance;
        this.ownerEpoch = ownerEpoch;
        this.thread = new Thread(this::run, "camera-" + cameraId);
        this.thread.setDaemon(true);
        status.source(SourceKind.of(config.url()).wireName());
        if (SourceKind.of(config.url()) == SourceKind.RTSPS && settings.cameraTrust() == null) {
            LOG.warnf("camera %s: its TLS certificate is not checked (vigil.ingest.tls.verify=false): FFmpeg's TLS "
                    + "accepts any certificate, so the stream could be intercepted", cameraId);
        }
    }

    public void start() {
        thread.start();
    }

    /** Applies a new rotation to the pieces still to come. */
    public void rotationSeconds(int seconds) {
        rotationSeconds = seconds;
    }

    /** Applies new motion settings (on, off, sensitivity, area, masks) from the next video packet on, without reconnecting. */
    public void motion(MotionSettings settings) {
        motion.settings(settings);
    }

    /** Asks the session to end; its last fragment is still delivered. */
    public void requestStop() {
        stopping = true;
        stopSignal.countDown();
    }

    /**
     * Waits for the session's thread to end. A thread stuck in an FFmpeg read ends when FFmpeg gives
     * up (the silence timeout); after {@code timeout} it is left to finish on its own.
     *
     * @return whether the thread ended in time
     */
    public boolean awaitStop(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("camera %s: the session did not stop within %d s; it ends when FFmpeg returns", cameraId, timeout.toSeconds());
            return false;
        }
        return true;
    }

    private void run() {
        Backoff backoff = new Backoff(settings.initialDelay(), settings.maxDelay());
        SessionOrigin origin = new SessionOrigin(firstCause, null, instance, ownerEpoch);
        while (!stopping) {
            String sessionId = UUID.randomUUID().toString();
            status.connecting(sessionId);
            StreamCopy copy = new StreamCopy(cameraId, sessionId, () -> rotationSeconds, settings, status, sink, motion,
                    () -> stopping, clock, origin);
            StreamFailure failure = attempt(sessionId, copy);
            if (stopping) {
                break;
            }
            origin = next(origin, failure, copy.streamingSince().isPresent());
            if (ranHealthy(copy.streamingSince(), System.nanoTime(), settings.healthyAfter())) {
                backoff.reset();
                lastLoggedFailure = null;
            }
            Duration delay = backoff.next();
            if (failure.complete()) {
                status.completed(failure.getMessage(), clock.instant().plus(delay));
                LOG.infof("camera %s: %s; checking again in %d ms", cameraId, failure.getMessage(), delay.toMillis());
            } else {
                if (failure.getCause() instanceof CertificateRefused) {
                    status.tlsRefused();
                }
                status.offline(failure.kind(), failure.getMessage(), clock.instant().plus(delay));
                log(failure, delay);
            }
            await(delay);
        }
        LOG.debugf("camera %s: session thread ends", cameraId);
    }

    /**
     * Why the session after a failed attempt begins: a reconnect after the failure's kind (the latest
     * one: a camera that dropped its stream and then refused connections while it rebooted was
     * offline). An attempt of a first session that never streamed keeps its cause (start, config) and
     * only notes the failure: the footage stopped because ingest (re)started the camera, not because
     * the camera failed while recording.
     */
    static SessionOrigin next(SessionOrigin current, StreamFailure failure, boolean streamed) {
        if (streamed || current.cause() == SessionCause.RECONNECT) {
            return new SessionOrigin(SessionCause.RECONNECT, failure.kind().code(), current.instance(), current.ownerEpoch());
        }
        return new SessionOrigin(current.cause(), failure.kind().code(), current.instance(), current.ownerEpoch());
    }

    /**
     * Whether the session streamed long enough to start the backoff over. Counted from the first
     * streamed keyframe, not from the connect attempt: an open that fails only after a long silence
     * timeout must not pass for a healthy stream, and a session that never streamed never resets it.
     */
    static boolean ranHealthy(OptionalLong streamingSince, long endedNanos, Duration healthyAfter) {
        return streamingSince.isPresent() && endedNanos - streamingSince.getAsLong() >= healthyAfter.toNanos();
    }

    /** One session: open, copy; returns why it ended. */
    private StreamFailure attempt(String sessionId, StreamCopy copy) {
        SourceInput source = null;
        try {
            source = SourceInput.live(cameraId, address, settings, () -> stopping, nextSegment);
            try {
                copy.run(source.input());
                return source.outcome(new StreamFailure(FailureKind.FAILURE, "stopped"));
            } catch (StreamFailure failure) {
                return source.outcome(failure);
            }
        } catch (StreamFailure failure) {
            return failure;
        } catch (RuntimeException | LinkageError e) {
            // a bug or a broken native library must not end the camera's thread: report it and retry
            LOG.errorf(e, "camera %s: session %s failed unexpectedly", cameraId, sessionId);
            return new StreamFailure(FailureKind.FAILURE, "internal error: " + e, e);
        } finally {
            if (source != null) {
                source.segments().ifPresent(segments -> nextSegment = segments.nextSequence());
                source.close();
            }
        }
    }

    /** The first failure of a kind is a warning; repeats of it are only debug, so a dead camera does not flood the log. */
    private void log(StreamFailure failure, Duration delay) {
        if (failure.kind() != lastLoggedFailure) {
            lastLoggedFailure = failure.kind();
            LOG.warnf("camera %s: %s; retrying in %d ms", cameraId, failure.getMessage(), delay.toMillis());
        } else {
            LOG.debugf("camera %s: %s; retrying in %d ms", cameraId, failure.getMessage(), delay.toMillis());
        }
    }

    private void await(Duration delay) {
        try {
            stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
