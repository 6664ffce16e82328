package io.vigil.ingest.event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;
import io.vigil.contracts.Region;
import io.vigil.ingest.motion.MotionChange;
import io.vigil.ingest.status.RecordingStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.ingest.event.TestPieces.piece;
import static io.vigil.ingest.event.TestPieces.second;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state machine on pieces built here (one keyframe piece a second from T0, arriving when they
 * end), a clock the test moves, and plain lists for what it publishes.
 */
class EventRecorderTest {

    private static final EventSettings EVENTS = new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(3),
            Duration.ofSeconds(2), 1800);
    private static final Region BOX = new Region(0.1, 0.2, 0.3, 0.4);

    private final MutableClock clock = new MutableClock(TestPieces.T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PreRollBudget budget = new PreRollBudget(100_000_000, meters, System::nanoTime);
    private final List<MediaPiece> published = new ArrayList<>();
    private final List<CameraEvent> events = new ArrayList<>();
    private final List<RecordingState> shown = new ArrayList<>();
    private EventRecorder recorder;
    private long next;

    @Test
    void buffersUntilATriggerThenPublishesThePreRollAtOnceFromTheKeyframeBeforeIt() {
        start(EVENTS);
        feedUntil(10);
        assertThat(published).isEmpty();
        assertThat(recorder.status().state()).isEqualTo(RecordingState.BUFFERING);
        assertThat(recorder.status().preRoll().pieces()).isEqualTo(3);

        assertThat(recorder.trigger(external("door-1", 10, 0, "doorbell"))).isTrue();

        // published by the trigger's own call: from 10 - 3 s
        assertThat(sequences()).containsExactly(7L, 8L, 9L);
        String eventId = events.get(0).eventId();
        assertThat(published).allSatisfy(piece -> {
            assertThat(piece.header().eventId()).isEqualTo(eventId);
            assertThat(piece.header().reason()).isEqualTo(RecordingReason.EXTERNAL);
        });
        CameraEvent started = events.get(0);
        assertThat(started.type()).isEqualTo(CameraEvent.EVENT_STARTED);
        assertThat(started.time()).isEqualTo(second(10));
        assertThat(started.reason()).isEqualTo(RecordingReason.EXTERNAL);
        assertThat(started.label()).isEqualTo("doorbell");
        assertThat(started.instance()).isEqualTo("ingest-a");
        assertThat(started.problem()).isNull();
        RecordingStatus status = recorder.status();
        assertThat(status.eventId()).isEqualTo(eventId);
        assertThat(status.eventReason()).isEqualTo(RecordingReason.EXTERNAL);
        assertThat(status.eventStartedAt()).isEqualTo(second(10));
        assertThat(status.recording()).isTrue();
        assertThat(status.preRoll().pieces()).isZero();
        assertThat(meters.get("vigil.ingest.events.started").tag("reason", "external").counter().count()).isEqualTo(1);
    }

    @Test
    void thePreRollBeginsAtTheKeyframeOfTheGopHoldingItsStart() {
        start(EVENTS);
        for (long n = 0; n < 10; n++) {
            clock.set(second(n + 1));
            recorder.accept(piece("s1", n, n % 2 == 0, 9_000));
        }
        recorder.trigger(external(null, 10, 0, null));
        assertThat(sequences()).startsWith(6L, 7L);
    }

    @Test
    void endsWithThePieceThatStartsAfterThePostRollAndBuffersThatPiece() {
        start(EVENTS);
        feedUntil(10);
        recorder.trigger(external(null, 10, 1, null));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        feedUntil(12);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.FINALIZING);

        // the post-roll runs to 11 + 2 s: pieces up to 12; piece 13 starts after it
        feedUntil(14);
        assertThat(sequences()).containsExactly(7L, 8L, 9L, 10L, 11L, 12L);
        CameraEvent ended = events.get(events.size() - 1);
        assertThat(ended.type()).isEqualTo(CameraEvent.EVENT_ENDED);
        assertThat(ended.eventId()).isEqualTo(events.get(0).eventId());
        assertThat(ended.time()).isEqualTo(second(11));
        assertThat(ended.recordingEnd()).isEqualTo(second(13));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.BUFFERING);
        assertThat(recorder.status().eventId()).isNull();
        assertThat(recorder.status().preRoll().pieces()).isEqualTo(1);
        assertThat(shown).containsSubsequence(RecordingState.BUFFERING, RecordingState.RECORDING, RecordingState.FINALIZING,
                RecordingState.BUFFERING);
    }

    @Test
    void twoTriggersThreeSecondsApartAreOneEvent() {
        start(new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(10), 1800));
        feedUntil(10);
        recorder.trigger(external(null, 10, 0, null));
        feedUntil(13);
        recorder.trigger(external(null, 13, 0, null));
        feedUntil(30);

        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(published).extracting(piece -> piece.header().eventId()).containsOnly(events.get(0).eventId());
        // 7..22: the post-roll of the second trigger runs to 23 s
        assertThat(sequences()).first().isEqualTo(7L);
        assertThat(sequences()).last().isEqualTo(22L);
        assertThat(events.get(1).time()).isEqualTo(second(13));
    }

    @Test
    void aTriggerDuringThePostRollGoesBackToRecordingInTheSameEvent() {
        start(EVENTS);
        feedUntil(10);
        recorder.trigger(external(null, 10, 1, null));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        feedUntil(12);
        recorder.tick();
        assertThat(recorder.status().state()).isEqualTo(RecordingState.FINALIZING);
        String eventId = recorder.status().eventId();

        recorder.trigger(external(null, 12, 2, null));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        assertThat(recorder.status().eventId()).isEqualTo(eventId);
        feedUntil(20);

        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(events.get(1).time()).isEqualTo(second(14));
        assertThat(sequences()).last().isEqualTo(15L);
    }

    @Test
    void anEventsPiecesRotateAtTheMaximumEventLength() {
        start(new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(2), 60));
        feedUntil(5);
        recorder.trigger(external(null, 5, 0, null));
        assertThat(published).extracting(piece -> piece.header().rotationSeconds()).containsOnly(60);

        recorder.update(new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(2), 1800));
        feedUntil(6);
        // the camera's own rotation when it is the shorter one
        assertThat(published.get(published.size() - 1).header().rotationSeconds()).isEqualTo(900);
    }

    @Test
    void neverPublishesAPieceTwice() {
        start(new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(5), Duration.ofSeconds(1), 1800));
        feedUntil(10);
        recorder.trigger(external(null, 10, 0, null));
        feedUntil(13);
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);

        // a new event 5 s of pre-roll back would reach pieces the first one published
        recorder.trigger(external(null, 13, 0, null));
        recorder.accept(piece(12));
        assertThat(sequences()).doesNotHaveDuplicates().isSorted();
        assertThat(sequences()).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(published.get(7).header().eventId()).isEqualTo(events.get(2).eventId()).isNotEqualTo(events.get(0).eventId());
    }

    @Test
    void aManualRecordingRunsUntilItsEndOrItsStopUnderTheCommandsEventId() {
        start(EVENTS);
        feedUntil(10);
        recorder.command(start("manual-1", 10, second(14)));
        recorder.command(start("manual-1", 10, second(14)));
        assertThat(events).extracting(CameraEvent::eventId).containsExactly("manual-1");
        assertThat(published).allSatisfy(piece -> {
            assertThat(piece.header().eventId()).isEqualTo("manual-1");
            assertThat(piece.header().reason()).isEqualTo(RecordingReason.MANUAL);
        });
        feedUntil(14);
        recorder.tick();
        assertThat(recorder.status().state()).isEqualTo(RecordingState.FINALIZING);
        feedUntil(17);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(CameraEvent.EVENT_ENDED);
        assertThat(events.get(events.size() - 1).time()).isEqualTo(second(14));

        recorder.command(start("manual-2", 17, null));
        feedUntil(30);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        recorder.command(stop("other", 30));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        recorder.command(stop("manual-2", 30));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.FINALIZING);
        feedUntil(35);
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED,
                CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(events.get(3).eventId()).isEqualTo("manual-2");
        assertThat(events.get(3).time()).isEqualTo(second(30));
    }

    @Test
    void aManualStartSeenAgainAfterItsStopChangesNothing() {
        start(EVENTS);
        feedUntil(10);
        recorder.command(start("manual-1", 10, null));
        feedUntil(12);
        recorder.command(stop("manual-1", 12));
        recorder.command(start("manual-1", 10, null));
        feedUntil(20);
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.BUFFERING);

        // the stop applied before its start (a camera taken over while the stop was being read)
        recorder.command(stop("manual-2", 20));
        recorder.command(start("manual-2", 19, null));
        feedUntil(25);
        assertThat(events).hasSize(2);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.BUFFERING);
    }

    @Test
    void aTriggerOverBeforeTheFootageHeldMakesNoEmptyEvent() {
        start(EVENTS);
        feedUntil(20);
        // replayed after a restart: it and its 2 s post-roll ended before the buffer's oldest piece
        assertThat(recorder.trigger(external("door-old", 5, 3, null))).isFalse();
        assertThat(events).isEmpty();
        assertThat(published).isEmpty();
        // late, but its post-roll reaches into what is held: recorded from the buffer, and over at once
        assertThat(recorder.trigger(external("door-late", 16, 0, null))).isTrue();
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(published).isNotEmpty();
    }

    @Test
    void aManualStartJoiningARunningEventKeepsItsId() {
        start(EVENTS);
        feedUntil(10);
        recorder.trigger(external(null, 10, 5, null));
        recorder.command(start("manual-1", 10, null));
        assertThat(events).hasSize(1);
        assertThat(recorder.status().eventId()).isEqualTo(events.get(0).eventId()).isNotEqualTo("manual-1");
        assertThat(recorder.status().eventReason()).isEqualTo(RecordingReason.EXTERNAL);
    }

    @Test
    void aTriggerIdSeenBeforeIsIgnored() {
        start(new EventSettings(CameraMode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(10), 1800));
        feedUntil(10);
        assertThat(recorder.trigger(external("door-1", 10, 0, null))).isTrue();
        assertThat(recorder.trigger(external("door-1", 10, 30, null))).isFalse();
        feedUntil(25);
        // ended after the first one's post-roll, not extended by the replay
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
    }

    @Test
    void continuousModePublishesEverythingAndStampsAnEventsPiecesWithItsIdAsContinuous() {
        start(new EventSettings(CameraMode.CONTINUOUS, Duration.ofSeconds(3), Duration.ofSeconds(2), 60));
        feedUntil(3);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        recorder.trigger(external(null, 3, 0, null));
        feedUntil(8);

        String eventId = events.get(0).eventId();
        List<PieceHeader> headers = published.stream().map(MediaPiece::header).toList();
        assertThat(headers).extracting(PieceHeader::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(headers).extracting(PieceHeader::reason).containsOnly(RecordingReason.CONTINUOUS);
        assertThat(headers).extracting(PieceHeader::eventId).containsExactly(null, null, null, eventId, eventId, null, null, null);
        assertThat(headers).extracting(PieceHeader::rotationSeconds).containsOnly(900);
        assertThat(budget.totalBytes()).isZero();
        assertThat(events.get(1).recordingEnd()).isEqualTo(second(5));
    }

    @Test
    void aMomentTriggerIsOverAtOnceAndRecordsPreRollAndPostRoll() {
        start(EVENTS);
        feedUntil(10);
        recorder.trigger(external(null, 10, 0, null));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.FINALIZING);
        feedUntil(14);
        assertThat(sequences()).containsExactly(7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void motionStartsAnEventAndEndsItsTrigger() {
        start(EVENTS);
        feedUntil(10);
        // reported once confirmed: the piece holding its first picture is not out yet
        recorder.motionChanged(new MotionChange.Started(second(10), 0.04, BOX));
        feedUntil(15);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        recorder.motionChanged(new MotionChange.Ended(second(15), 0.2, new Region(0, 0, 0.5, 0.5)));
        feedUntil(20);

        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.MOTION_STARTED,
                CameraEvent.MOTION_ENDED, CameraEvent.EVENT_ENDED);
        assertThat(events).extracting(CameraEvent::eventId).containsOnly(events.get(0).eventId());
        assertThat(events).extracting(CameraEvent::reason).containsOnly(RecordingReason.MOTION);
        assertThat(events.get(0).time()).isEqualTo(second(10));
        assertThat(events.get(0).score()).isEqualTo(0.04);
        assertThat(events.get(0).box()).isEqualTo(BOX);
        assertThat(events.get(3).score()).isEqualTo(0.2);
        assertThat(events.get(3).box()).isEqualTo(new Region(0, 0, 0.5, 0.5));
        assertThat(sequences()).first().isEqualTo(7L);
        assertThat(sequences()).last().isEqualTo(16L);
        assertThat(published).extracting(piece -> piece.header().reason()).containsOnly(RecordingReason.MOTION);
    }

    @Test
    void aCameraThatDropsKeepsItsEventWhichTheClockEndsAfterThePostRoll() {
        start(EVENTS);
        feedUntil(10);
        recorder.trigger(external(null, 10, 1, null));
        recorder.sessionEnded("s1");
        assertThat(recorder.status().state()).isEqualTo(RecordingState.RECORDING);
        assertThat(recorder.status().preRoll().pieces()).isZero();

        clock.set(second(12.9));
        recorder.tick();
        assertThat(events).hasSize(1);
        clock.set(second(13));
        recorder.tick();
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(recorder.status().state()).isEqualTo(RecordingState.IDLE);
    }

    @Test
    void closingEndsTheRunningEventAndRemovesTheMeters() {
        start(EVENTS);
        feedUntil(10);
        recorder.motionChanged(new MotionChange.Started(second(10), 0.04, BOX));
        recorder.close();

        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED, CameraEvent.MOTION_STARTED,
                CameraEvent.MOTION_ENDED, CameraEvent.EVENT_ENDED);
        assertThat(events.get(3).time()).isEqualTo(second(10));
        assertThat(recorder.status().state()).isEqualTo(RecordingState.IDLE);
        assertThat(meters.find("vigil.ingest.preroll.bytes").gauge()).isNull();
        assertThat(recorder.trigger(external(null, 10, 0, null))).isFalse();
    }

    @Test
    void aManualRecordingHandedToAnotherReplicaIsNotEndedHereButAnythingElseIs() {
        start(EVENTS);
        feedUntil(10);
        recorder.command(start("manual-1", 10, null));
        recorder.close(true);
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED);

        start(EVENTS);
        next = 0;
        feedUntil(10);
        recorder.trigger(external(null, 10, 30, null));
        recorder.command(start("manual-2", 10, null));
        recorder.close(true);
        // manual-2 joined another event: the next replica starts its own event under manual-2
        assertThat(events).extracting(CameraEvent::type).containsExactly(CameraEvent.EVENT_STARTED,
                CameraEvent.EVENT_STARTED, CameraEvent.EVENT_ENDED);
        assertThat(events.get(2).time()).isEqualTo(second(10));
    }

    @Test
    void modeOffRecordsNothing() {
        start(new EventSettings(CameraMode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(2), 1800));
        feedUntil(5);
        assertThat(recorder.trigger(external(null, 5, 0, null))).isFalse();
        recorder.command(start("manual-1", 5, null));
        assertThat(published).isEmpty();
        assertThat(events).isEmpty();
        assertThat(recorder.status()).isEqualTo(RecordingStatus.IDLE);
    }

    private void start(EventSettings settings) {
        recorder = new EventRecorder("cam-1", settings, budget.newBuffer("cam-1", 10_000_000),
                new EventRecorder.Outputs(published::add, events::add, () -> shown.add(recorder.status().state()), "ingest-a"),
                meters, clock);
    }

    /** Feeds the pieces that end by {@code seconds}, each when it ends. */
    private void feedUntil(long seconds) {
        for (; next < seconds; next++) {
            clock.set(second(next + 1));
            recorder.accept(piece(next));
        }
    }

    private List<Long> sequences() {
        return published.stream().map(piece -> piece.header().sequence()).toList();
    }

    private static ExternalTrigger external(String id, double at, int seconds, String label) {
        return new ExternalTrigger(id, second(at), Duration.ofSeconds(seconds), label);
    }

    private static CameraCommand start(String eventId, double at, Instant until) {
        return new CameraCommand(CameraCommand.VERSION, "cam-1", CameraCommand.Action.START, eventId, second(at), until);
    }

    private static CameraCommand stop(String eventId, double at) {
        return new CameraCommand(CameraCommand.VERSION, "cam-1", CameraCommand.Action.STOP, eventId, second(at), null);
    }
}
