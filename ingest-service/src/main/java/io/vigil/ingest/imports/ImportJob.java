package io.vigil.ingest.imports;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.ImportStatus;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.SessionCause;
import io.vigil.contracts.SourceStop;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.hls.SegmentStream;
import io.vigil.ingest.session.CopyObserver;
import io.vigil.ingest.session.PieceSink;
import io.vigil.ingest.session.SourceInput;
import io.vigil.ingest.session.SourceKind;
import io.vigil.ingest.session.StreamFailure;
import io.vigil.ingest.session.VodCopy;
import io.vigil.ingest.time.SessionClock;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import on its own thread: the VOD source copied into recordings of {@code cameraId}, session by
 * session (an HLS segment given up ends a session; the next one carries on after it, so the hole is a
 * catalogued gap), with started, progress and stopped status events. Cancelling stops it at the next
 * packet; what was copied stays (the last partial fragment too).
 */
final class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class);

    private final ImportCommand command;
    private final Runnable done;
    private final ImportContext context;
    private final Clock clock;
    private final Thread thread;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final ImportProgress progress = new ImportProgress(startNanos);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean cancelled;
    private volatile String stopReason;
    private volatile long lastPublishedNanos;
    private boolean stopped;
    /** Media time 0 of the whole import on the wall clock. */
    private Instant zero;
    private volatile Instant mediaStart;
    private volatile Instant mediaEnd;
    private volatile int segmentsSkipped;
    private String sessionId;

    /** @param done called on the job's thread when it ended, however */
    ImportJob(ImportCommand command, ImportContext context, Runnable done) {
        this.done = done;
        this.command = command;
        this.context = context;
        this.clock = context.clock();
        this.startedAt = clock.instant();
        this.thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException | LinkageError e) {
                LOG.errorf(e, "import %s failed unexpectedly", command.importId());
                stop(kindShown, SourceStop.ERROR, SourceStop.FAILURE, "internal error: " + e);
            } finally {
                done.run();
            }
        }, "import-" + command.importId().substring(0, 8));
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String id() {
        return command.importId();
    }

    /** Stops the copy at its next packet; {@code reason} user (cancelled) or error (shutting down). */
    void cancel(String reason) {
        stopReason = reason;
        cancelled = true;
    }

    boolean awaitStop(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        String kind = SourceKind.of(command.url()) == SourceKind.HLS ? "hls" : "mp4";
        publish(ImportStatus.Event.STARTED, kind, null, null, null);
        LOG.infof("import %s: copying %s into camera %s", id(), CameraUrls.redact(command.url()), command.cameraId());
        SourceInput.Address address = new SourceInput.Address(command.url(), command.headers(), command.variant());
        Long fromSegment = null;
        SessionOrigin origin = new SessionOrigin(SessionCause.IMPORT, null, context.instance());
        while (true) {
            sessionId = UUID.randomUUID().toString();
            StreamFailure end;
            Long next = null;
            boolean skipped = false;
            try (SourceInput source = SourceInput.vod(address, context.settings().hls(), context.settings().hls().timeout(),
                    () -> cancelled, fromSegment)) {
                source.durationSeconds().ifPresent(progress::duration);
                end = VodCopy.run(command.cameraId(), sessionId, CameraConfig.DEFAULT_ROTATION_SECONDS, source,
                        context.settings(), observer(), sink(), () -> cancelled, arrival -> clockOf(source), origin);
                if (source.segments().isPresent()) {
                    SegmentStream segments = source.segments().get();
                    skipped = segments.end() == SegmentStream.End.SKIPPED;
                    next = segments.nextSequence();
                }
            } catch (StreamFailure failure) {
                end = failure;
            }
            awaitKafka();
            if (cancelled) {
                stop(kind, stopReason, SourceStop.USER.equals(stopReason) ? null : SourceStop.FAILURE,
                        SourceStop.USER.equals(stopReason) ? "cancelled" : "the ingest instance shut down; start the import again");
                return;
            }
            if (skipped) {
                segmentsSkipped++;
                fromSegment = next;
                origin = new SessionOrigin(SessionCause.IMPORT, end.kind().code(), context.instance());
                LOG.warnf("import %s: %s; going on after it (a gap)", id(), end.getMessage());
                continue;
            }
            if (end == null || end.complete() || (fromSegment == null && kind.equals("mp4") && progress.atEnd()
                    && progress.mediaSeconds() > 0)) {
                stop(kind, SourceStop.COMPLETE, null, null);
            } else {
                stop(kind, SourceStop.ERROR, end.kind().errorId(), end.getMessage());
            }
            return;
        }
    }

    /** The session's clock: media time on the import's timeline, from its wall-clock start. */
    private SessionClock clockOf(SourceInput source) {
        double offset = source.segments().map(SegmentStream::startOffsetSeconds).orElse(0.0);
        if (zero == null) {
            Instant pdt = source.segments().flatMap(SegmentStream::firstProgramDateTime).orElse(null);
            Instant first = command.start() != null ? command.start() : pdt != null ? pdt : startedAt;
            zero = first.minusNanos((long) (offset * 1e9));
        }
        return new SessionClock(zero.plusNanos((long) (offset * 1e9)));
    }

    private CopyObserver observer() {
        return new CopyObserver() {
            @Override
            public void packet(int size, boolean video) {
                progress.copied(size);
            }

            @Override
            public void streaming(String codec, int width, int height) {
                LOG.debugf("import %s: %s %dx%d", id(), codec, width, height);
            }
        };
    }

    private PieceSink sink() {
        PieceSink kafka = context.media().sink(bytes -> answered.incrementAndGet(), answered::incrementAndGet);
        return piece -> {
            accepted.incrementAndGet();
            kafka.accept(piece);
            noteReached(piece);
            renew();
        };
    }

    /**
     * Publishes the progress when the last status is a progress interval old: after each piece, and
     * from {@link ImportJobs}' timer while the copy waits (a segment's retries, a slow source), so a
     * running import's status is renewed even when nothing arrives and the gateway can tell a lost
     * instance (no renewal) from a slow source.
     */
    void renew() {
        long now = System.nanoTime();
        if (lastPublishedNanos != 0 && now - lastPublishedNanos >= context.progressInterval().toNanos()) {
            publish(ImportStatus.Event.PROGRESS, null, null, null, null);
        }
    }

    private void noteReached(MediaPiece piece) {
        if (mediaStart == null) {
            mediaStart = piece.header().start();
        }
        Instant end = piece.header().end();
        if (mediaEnd == null || end.isAfter(mediaEnd)) {
            mediaEnd = end;
        }
        progress.reached((end.toEpochMilli() - zero.toEpochMilli()) / 1000.0);
    }

    /** Kafka's answers for every piece handed on, so "complete" means the media is on Kafka (bounded wait). */
    private void awaitKafka() {
        long until = System.nanoTime() + 30_000_000_000L;
        while (answered.get() < accepted.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stop(String kind, String reason, String error, String message) {
        publish(ImportStatus.Event.STOPPED, kind, reason, error, message);
        if (SourceStop.ERROR.equals(reason)) {
            LOG.warnf("import %s: stopped (%s): %s", id(), error, message);
        } else {
            LOG.infof("import %s: stopped (%s), %.1f s of media copied", id(), reason, progress.mediaSeconds());
        }
    }

    private String kindShown;

    /** From the job's thread and the renewal timer; nothing after the stop. */
    private synchronized void publish(ImportStatus.Event event, String kind, String reason, String error, String message) {
        if (stopped) {
            return;
        }
        stopped = event == ImportStatus.Event.STOPPED;
        lastPublishedNanos = System.nanoTime();
        if (kind != null) {
            kindShown = kind;
        }
        ImportProgress.Snapshot now = progress.at(System.nanoTime(), event == ImportStatus.Event.STOPPED);
        context.statuses().publish(new ImportStatus(ImportStatus.VERSION, id(), command.cameraId(), event, kindShown,
                now.percent(), now.bytes(), now.bytesPerSecond(), now.etaSeconds(), now.mediaSeconds(),
                now.durationSeconds(), segmentsSkipped, mediaStart, mediaEnd, reason, error,
                CameraUrls.redact(message), context.instance(), startedAt, clock.instant()));
    }
}
