package io.vigil.ingest.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.CameraState;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.SourceStop;
import io.vigil.ingest.session.CopyObserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One camera's status: its session reports what happens, the tracker publishes a {@link CameraStatus}
 * on every change and on every heartbeat. Building and sending a status happen
 * under one lock, so statuses leave in the order their states were reached. The recording fields
 * come from the camera's event recorder, read without taking its lock (it calls
 * {@link #recordingChanged()} when its state changes, so the two locks are never taken the other way round).
 */
public final class CameraStatusTracker implements CopyObserver {

    private final String cameraId;
    private final String instance;
    private final Consumer<CameraStatus> publisher;
    private final CameraMetrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final StreamMeter meter;
    /** Counted on the producer's thread: not under the lock, which a status send may hold for a while. */
    private final AtomicLong piecesPublished = new AtomicLong();

    private CameraState state = CameraState.CONNECTING;
    private String sessionId;
    private String codec;
    private Integer width;
    private Integer height;
    private String lastError;
    private String errorCode;
    private volatile String source;
    private String stopReason;
    private String errorId;
    private Instant retryAt;
    private long attempts;
    private long reconnects;
    private Instant since;
    /** The heartbeat found the stream silent while the session still waits inside FFmpeg. */
    private volatile boolean silenceReported;
    /** The running session's measured clock drift, seconds; null while none was measured. */
    private volatile Double clockSkewSeconds;
    private volatile Supplier<RecordingStatus> recording = () -> RecordingStatus.IDLE;
    private boolean closed;

    public CameraStatusTracker(String cameraId, String instance, Consumer<CameraStatus> publisher, MeterRegistry registry,
                               Duration window, Clock clock, LongSupplier nanoTime) {
        this.cameraId = cameraId;
        this.instance = instance;
        this.publisher = publisher;
        this.metrics = new CameraMetrics(registry, cameraId, instance);
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.meter = new StreamMeter(window.toNanos(), nanoTime.getAsLong());
        this.since = clock.instant();
    }

    /** The session was refused because the camera's TLS certificate is not trusted: counted, the status follows with offline. */
    public void tlsRefused() {
        metrics.tlsRefused();
    }

    /** A new attempt to open the stream; every attempt after the first is a reconnect. */
    public synchronized void connecting(String newSessionId) {
        if (attempts++ > 0) {
            reconnects++;
            metrics.reconnect();
        }
        sessionId = newSessionId;
        retryAt = null;
        clockSkewSeconds = null;
        metrics.clockSkew(null);
        enter(CameraState.CONNECTING);
    }

    /** The kind of source (rtsp, rtsps, hls, http), shown from the next status on. */
    public void source(String kind) {
        source = kind;
    }

    /** Media flows: the session's first keyframe went into the muxer. */
    @Override
    public synchronized void streaming(String newCodec, int newWidth, int newHeight) {
        codec = newCodec;
        width = newWidth;
        height = newHeight;
        lastError = null;
        errorCode = null;
        stopReason = null;
        errorId = null;
        meter.restart(nanoTime.getAsLong());
        enter(CameraState.STREAMING);
    }

    @Override
    public void packet(int size, boolean video) {
        meter.packet(size, video, nanoTime.getAsLong());
        if (video && silenceReported) {
            recovered();
        }
    }

    /** The attempt failed; {@code message} must already be redacted. */
    public synchronized void offline(FailureKind kind, String message, Instant nextAttempt) {
        silenceReported = false;
        lastError = message;
        errorCode = kind.code();
        stopReason = SourceStop.ERROR;
        errorId = kind.errorId();
        retryAt = nextAttempt;
        enter(CameraState.OFFLINE);
    }

    /** The session's media ended as it should (a live playlist announced its end); checked again at {@code nextAttempt}. */
    public synchronized void completed(String message, Instant nextAttempt) {
        silenceReported = false;
        lastError = message;
        errorCode = null;
        stopReason = SourceStop.COMPLETE;
        errorId = null;
        retryAt = nextAttempt;
        enter(CameraState.OFFLINE);
    }

    /** Mode off: nothing runs for this camera. */
    public synchronized void stopped() {
        sessionId = null;
        retryAt = null;
        stopReason = SourceStop.USER;
        errorId = null;
        enter(CameraState.STOPPED);
    }

    /**
     * The running session's clock drift as just measured (once per piece): shown in the next status
     * and in the gauge, not published on its own (it changes slowly). Takes no lock: a status being
     * sent must not hold up the camera's thread.
     */
    @Override
    public void clockSkew(Double seconds) {
        clockSkewSeconds = seconds;
        metrics.clockSkew(seconds);
    }

    public void piecePublished(long bytes) {
        piecesPublished.incrementAndGet();
        metrics.published(bytes);
    }

    public void pieceFailed() {
        metrics.failed();
    }

    /** Where the recording fields of every status come from from now on; must not block. */
    public void recordingFrom(Supplier<RecordingStatus> source) {
        recording = source;
    }

    /** The recording state or the running event changed: published at once. */
    public synchronized void recordingChanged() {
        publish();
    }

    /**
     * Republishes the status, with fresh rates while streaming, so a status that stops being renewed
     * tells its readers that this replica is gone. A stream silent for longer than
     * {@code silenceTimeout} is reported offline here: FFmpeg may be blocked in a read the session
     * cannot interrupt, but the status must not keep saying "streaming".
     */
    public synchronized void heartbeat(Duration silenceTimeout) {
        if (closed) {
            return;
        }
        long silentNanos = meter.silentNanos(nanoTime.getAsLong());
        if (state == CameraState.STREAMING && !silenceReported && silentNanos > silenceTimeout.toNanos()) {
            silenceReported = true;
            lastError = "no video for " + Duration.ofNanos(silentNanos).toSeconds() + " s; waiting for the stream to end";
            errorCode = FailureKind.SILENT.code();
            since = clock.instant();
            metrics.up(false);
        }
        publish();
    }

    /** No more statuses or metrics for this camera from this replica (removed, moved away or shut down). */
    public synchronized void close() {
        closed = true;
        metrics.remove();
    }

    private synchronized void recovered() {
        if (silenceReported) {
            silenceReported = false;
            lastError = null;
            errorCode = null;
            enter(CameraState.STREAMING);
        }
    }

    private void enter(CameraState next) {
        state = next;
        since = clock.instant();
        metrics.up(next == CameraState.STREAMING);
        publish();
    }

    private void publish() {
        if (closed) {
            return;
        }
        boolean online = state == CameraState.STREAMING && !silenceReported;
        StreamMeter.Rates rates = online ? meter.rates(nanoTime.getAsLong()) : new StreamMeter.Rates(0, 0);
        CameraState shown = silenceReported ? CameraState.OFFLINE : state;
        RecordingStatus now = recording.get();
        publisher.accept(new CameraStatus(CameraStatus.VERSION, cameraId, instance, shown, online, sessionId,
                codec, width, height, rates.fps(), rates.bitrate(), lastError, errorCode, retryAt, reconnects,
                piecesPublished.get(), since, clock.instant(), now.state(), now.recording(), now.eventId(),
                now.eventReason(), now.eventStartedAt(), now.preRoll(), clockSkewSeconds, source, stopReason, errorId));
    }
}
