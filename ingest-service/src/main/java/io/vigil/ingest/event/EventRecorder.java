package io.vigil.ingest.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;
import io.vigil.contracts.Region;
import io.vigil.ingest.motion.MotionChange;
import io.vigil.ingest.session.MotionListener;
import io.vigil.ingest.session.PieceSink;
import io.vigil.ingest.status.RecordingStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One camera's recording state machine (docs/events.md), between its session's pieces and Kafka:
 * IDLE (no stream) → BUFFERING (mode events: pieces go to the pre-roll buffer) → RECORDING (a trigger
 * is active: the pre-roll is published at once, then every piece) → FINALIZING (the last trigger
 * ended: the post-roll is published) → BUFFERING once a piece starts at or after the last trigger's
 * end + postRoll (that piece is buffered, not published). A trigger in FINALIZING returns to RECORDING
 * in the same event. In mode continuous every piece is published; pieces inside an event carry its id,
 * their reason stays continuous.
 *
 * <p>Pieces, session ends and motion arrive on the camera's thread, manual commands and external
 * triggers on the control consumer's, ticks on the scheduler's, settings on the config consumer's: all
 * under this object's lock, so a trigger publishes the pre-roll from its own thread, in order with the
 * pieces. The camera's status is told about a change after the lock is released. Pieces that Kafka
 * refuses fail the caller on the camera's thread (the session reconnects); on other threads they are
 * logged.
 */
public final class EventRecorder implements PieceSink, MotionListener {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    /** Pieces arrive about a GOP after they start: the clock ends an event only this much (or two pieces) after its post-roll. */
    private static final Duration TICK_GRACE = Duration.ofSeconds(3);
    private static final int SEEN_TRIGGER_IDS = 1024;

    /** Where the recorder's results go. */
    public record Outputs(PieceSink pieces, Consumer<CameraEvent> events, Runnable statusChanged, String instance) {
    }

    private record View(RecordingState state, String eventId, RecordingReason reason, Instant startedAt) {
        static final View IDLE = new View(RecordingState.IDLE, null, null, null);
    }

    private final String cameraId;
    private final PreRollBuffer buffer;
    private final Outputs outputs;
    private final EventMessages messages;
    private final EventMetrics metrics;
    private final Clock clock;
    private final ActiveTriggers triggers = new ActiveTriggers();
    private final RecentIds seen = new RecentIds(SEEN_TRIGGER_IDS);
    /**
     * Manual recordings stopped here, so their start seen again (a replay, a retry, or a start read
     * for a camera just taken over while the control thread applied its stop) changes nothing.
     */
    private final RecentIds stoppedManual = new RecentIds(SEEN_TRIGGER_IDS);

    private EventSettings settings;
    private RunningEvent event;
    private boolean streaming;
    private String session;
    private Instant lastPieceEnd;
    private Duration pieceDuration = Duration.ofSeconds(1);
    private String publishedSession;
    private long publishedSequence = -1;
    /** The current motion's peak, for its motion.ended when the detector could not say. */
    private double motionPeak;
    private Region motionBox;
    private boolean closed;
    private volatile View view = View.IDLE;

    public EventRecorder(String cameraId, EventSettings settings, PreRollBuffer buffer, Outputs outputs,
                         MeterRegistry meters, Clock clock) {
        this.cameraId = cameraId;
        this.settings = settings;
        this.buffer = buffer;
        this.outputs = outputs;
        this.messages = new EventMessages(cameraId, outputs.instance());
        this.metrics = new EventMetrics(meters, cameraId, buffer);
        this.clock = clock;
    }

    /** A piece of the camera's stream, in order: buffered, published for an event, or published as continuous recording. */
    @Override
    public void accept(MediaPiece piece) {
        locked(() -> {
            onPiece(piece);
            return null;
        });
    }

    @Override
    public void sessionEnded(String sessionId) {
        locked(() -> {
            if (sessionId.equals(session)) {
                streaming = false;
                buffer.clear();
                if (triggers.motionRunning()) {
                    onMotionEnded(new MotionChange.Ended(lastPieceEnd != null ? lastPieceEnd : clock.instant(), motionPeak, null));
                }
            }
            return null;
        });
    }

    @Override
    public void motionChanged(MotionChange change) {
        locked(() -> {
            if (active()) {
                if (change instanceof MotionChange.Started started) {
                    onMotionStarted(started);
                } else if (change instanceof MotionChange.Ended ended) {
                    onMotionEnded(ended);
                }
            }
            return null;
        });
    }

    @Override
    public void motionScored(double score) {
        metrics.motionScored(score);
    }

    /**
     * An external trigger: starts an event (publishing its pre-roll now, on this thread) or extends the
     * running one to its end.
     *
     * @return false when it was ignored: its id was seen before, the camera records nothing, or it
     *         ended (with the post-roll) before the oldest footage this camera still holds
     */
    public boolean trigger(ExternalTrigger trigger) {
        return locked(() -> {
            if (!active() || (trigger.triggerId() != null && !seen.firstTime(trigger.triggerId()))) {
                return false;
            }
            if (event == null && !trigger.end().plus(settings.postRoll()).isAfter(oldestFootage())) {
                // replayed after a restart, or very late: its post-roll ended before anything held here
                LOG.debugf("camera %s: trigger %s is over before the footage held here", cameraId, trigger.triggerId());
                return false;
            }
            triggers.external(trigger.end());
            if (begin(RecordingReason.EXTERNAL, trigger.start(), trigger.label(), null)) {
                announce(trigger.start());
            }
            return true;
        });
    }

    /**
     * A manual recording command. A start still running starts an event under the command's event id
     * (or joins the running event); the same start again changes nothing but its end. A stop ends the
     * manual recording it names, and its start, seen again afterwards, is ignored.
     */
    public void command(CameraCommand command) {
        locked(() -> {
            if (!active()) {
                return null;
            }
            Instant now = clock.instant();
            if (command.action() == CameraCommand.Action.STOP) {
                stoppedManual.firstTime(command.eventId());
                if (triggers.manualStopped(command.eventId(), earlier(command.issuedAt(), now))) {
                    LOG.infof("camera %s: manual recording %s stopped", cameraId, command.eventId());
                }
                return null;
            }
            if (stoppedManual.contains(command.eventId())) {
                LOG.debugf("camera %s: manual recording %s was stopped already", cameraId, command.eventId());
                return null;
            }
            if (!command.runningAt(now)) {
                LOG.debugf("camera %s: manual recording %s is already over", cameraId, command.eventId());
                return null;
            }
            Optional<ManualRecording> running = triggers.manual();
            triggers.manualStarted(new ManualRecording(command.eventId(), command.issuedAt(), command.until()));
            if (running.isPresent() && running.get().commandEventId().equals(command.eventId())) {
                return null;
            }
            LOG.infof("camera %s: manual recording %s started%s", cameraId, command.eventId(),
                    command.until() == null ? "" : " until " + command.until());
            if (begin(RecordingReason.MANUAL, command.issuedAt(), null, command.eventId())) {
                announce(command.issuedAt());
            }
            return null;
        });
    }

    /**
     * Called every second: ends manual recordings whose time is up, and an event whose post-roll has
     * passed on the wall clock while no piece came to end it (the camera dropped).
     */
    public void tick() {
        locked(() -> {
            if (closed) {
                return null;
            }
            Instant now = clock.instant();
            triggers.expire(now);
            if (event != null && !triggers.open()) {
                Instant deadline = afterPostRoll();
                if (streaming) {
                    Duration grace = pieceDuration.multipliedBy(2);
                    deadline = deadline.plus(grace.compareTo(TICK_GRACE) > 0 ? grace : TICK_GRACE);
                }
                if (!now.isBefore(deadline)) {
                    end();
                }
            }
            return null;
        });
    }

    /** New settings: pre-roll, post-roll and maximum event length apply to what comes next; a new mode starts afresh. */
    public void update(EventSettings next) {
        locked(() -> {
            CameraMode previous = settings.mode();
            settings = next;
            if (next.mode() != previous) {
                buffer.clear();
                if (next.mode() == CameraMode.OFF) {
                    finishEvent(false);
                    streaming = false;
                }
            }
            return null;
        });
    }

    /** The camera is removed here: a running event ends now, the buffer is freed. */
    public void close() {
        close(false);
    }

    /**
     * The camera leaves this replica: a running event ends now and the buffer is freed.
     *
     * @param handedOver the camera goes on elsewhere (its partition moved, this replica shuts down): a
     *                   manual recording running under its own event id is left for the next owner,
     *                   which resumes it from the command topic under that id, so it is not ended here
     */
    public void close(boolean handedOver) {
        locked(() -> {
            if (!closed) {
                finishEvent(handedOver);
                buffer.close();
                metrics.remove();
                closed = true;
            }
            return null;
        });
    }

    /** For the camera's status; takes no lock of this recorder. */
    public RecordingStatus status() {
        View current = view;
        boolean recording = current.state() == RecordingState.RECORDING || current.state() == RecordingState.FINALIZING;
        return new RecordingStatus(current.state(), recording, current.eventId(), current.reason(), current.startedAt(),
                buffer.stats());
    }

    private void onPiece(MediaPiece piece) {
        if (!active()) {
            return;
        }
        PieceHeader header = piece.header();
        if (!header.sessionId().equals(session)) {
            // footage of an earlier session is no pre-roll for this one
            buffer.clear();
            session = header.sessionId();
        }
        streaming = true;
        lastPieceEnd = header.end();
        if (header.durationMicros() > 0) {
            pieceDuration = Duration.ofNanos(header.durationMicros() * 1_000);
        }
        take(piece);
    }

    /** A piece in order: ends the event when its post-roll is over, then published or buffered. */
    private void take(MediaPiece piece) {
        if (event != null && !triggers.open() && !piece.header().start().isBefore(afterPostRoll())) {
            end();
        }
        if (event != null || settings.mode() == CameraMode.CONTINUOUS) {
            publish(piece);
        } else {
            buffer.add(piece, settings.preRoll());
        }
    }

    private void onMotionStarted(MotionChange.Started started) {
        if (triggers.motionRunning()) {
            return;
        }
        triggers.motionStarted();
        motionPeak = started.score();
        motionBox = started.box();
        boolean began = begin(RecordingReason.MOTION, started.at(), null, null);
        event.scored(started.score(), started.box());
        if (began) {
            outputs.events().accept(messages.started(event));
        }
        outputs.events().accept(messages.motionStarted(event, started.at(), started.score(), started.box()));
        if (began) {
            publishPreRoll(started.at());
        }
    }

    private void onMotionEnded(MotionChange.Ended ended) {
        if (!triggers.motionEnded(ended.at())) {
            return;
        }
        double peak = Math.max(motionPeak, ended.peakScore());
        Region box = ended.box() != null ? ended.box() : motionBox;
        if (event != null) {
            event.scored(peak, box);
            outputs.events().accept(messages.motionEnded(event, ended.at(), peak, box));
        }
    }

    /** Starts an event for a trigger at {@code at}, unless one runs (the trigger then joins it); true when it started. */
    private boolean begin(RecordingReason reason, Instant at, String label, String eventId) {
        if (event != null) {
            return false;
        }
        event = new RunningEvent(eventId != null ? eventId : UUID.randomUUID().toString(), reason, at, label);
        metrics.eventStarted(reason);
        LOG.infof("camera %s: event %s started (%s)", cameraId, event.id(), reason.wireName());
        return true;
    }

    private void announce(Instant triggerTime) {
        outputs.events().accept(messages.started(event));
        publishPreRoll(triggerTime);
    }

    /**
     * Publishes the buffer from the latest keyframe piece at or before trigger - preRoll; pieces after
     * the event (an old trigger whose post-roll is already over) go back to the buffer.
     */
    private void publishPreRoll(Instant triggerTime) {
        if (settings.mode() != CameraMode.EVENTS) {
            return;
        }
        Instant from = earlier(triggerTime, clock.instant()).minus(settings.preRoll());
        List<MediaPiece> preRoll = buffer.takeFrom(from);
        for (MediaPiece piece : preRoll) {
            take(piece);
        }
    }

    /** Never the same piece twice: a new event's pre-roll begins after the last piece published. */
    private void publish(MediaPiece piece) {
        PieceHeader header = piece.header();
        if (header.sessionId().equals(publishedSession) && header.sequence() <= publishedSequence) {
            LOG.debugf("camera %s: piece %d of session %s was already published", cameraId, header.sequence(), header.sessionId());
            return;
        }
        PieceHeader stamped = stamp(header);
        outputs.pieces().accept(new MediaPiece(stamped, piece.init(), piece.fragment()));
        publishedSession = header.sessionId();
        publishedSequence = header.sequence();
        if (event != null) {
            event.recordedUntil(stamped.end());
        }
    }

    private PieceHeader stamp(PieceHeader header) {
        if (settings.mode() == CameraMode.CONTINUOUS) {
            return event == null ? header : header.forEvent(RecordingReason.CONTINUOUS, event.id(), header.rotationSeconds());
        }
        // the recorder rotates at this length, so a long event becomes consecutive recordings
        return header.forEvent(event.reason(), event.id(), Math.min(header.rotationSeconds(), settings.maxEventSeconds()));
    }

    private Instant afterPostRoll() {
        Instant end = triggers.end();
        return (end != null ? end : event.startedAt()).plus(settings.postRoll());
    }

    /** The post-roll is over. */
    private void end() {
        end(triggers.end() != null ? triggers.end() : event.startedAt());
    }

    private void end(Instant lastTriggerEnd) {
        outputs.events().accept(messages.ended(event, lastTriggerEnd));
        LOG.infof("camera %s: event %s ended", cameraId, event.id());
        event = null;
        triggers.clear();
    }

    /** Ends whatever runs now, without waiting for the post-roll (camera removed, mode off); triggers still going end now. */
    private void finishEvent(boolean handedOver) {
        Instant now = clock.instant();
        if (triggers.motionRunning()) {
            onMotionEnded(new MotionChange.Ended(now, motionPeak, null));
        }
        boolean resumedElsewhere = handedOver && event != null
                && triggers.manual().filter(manual -> manual.commandEventId().equals(event.id())
                && (manual.until() == null || manual.until().isAfter(now))).isPresent();
        if (resumedElsewhere) {
            LOG.infof("camera %s: manual recording %s is left to the camera's next replica", cameraId, event.id());
            event = null;
        } else if (event != null) {
            Instant lastEnd = triggers.end();
            end(triggers.open() || lastEnd == null || lastEnd.isAfter(now) ? now : lastEnd);
        }
        triggers.clear();
    }

    /** Where what this camera can still record begins: the pre-roll buffer in mode events, else now. */
    private Instant oldestFootage() {
        Instant now = clock.instant();
        return settings.mode() == CameraMode.EVENTS ? buffer.heldFrom().orElse(now) : now;
    }

    private boolean active() {
        return !closed && settings.mode() != CameraMode.OFF;
    }

    /** Runs under the lock, then tells the status when the state or the event changed. */
    private <T> T locked(Supplier<T> action) {
        boolean changed = false;
        try {
            synchronized (this) {
                try {
                    return action.get();
                } finally {
                    View next = currentView();
                    changed = !next.equals(view);
                    view = next;
                }
            }
        } finally {
            if (changed) {
                outputs.statusChanged().run();
            }
        }
    }

    private View currentView() {
        if (!active()) {
            return View.IDLE;
        }
        if (event != null) {
            RecordingState state = triggers.activeAt(clock.instant()) ? RecordingState.RECORDING : RecordingState.FINALIZING;
            return new View(state, event.id(), event.reason(), event.startedAt());
        }
        if (!streaming) {
            return View.IDLE;
        }
        return new View(settings.mode() == CameraMode.CONTINUOUS ? RecordingState.RECORDING : RecordingState.BUFFERING,
                null, null, null);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
