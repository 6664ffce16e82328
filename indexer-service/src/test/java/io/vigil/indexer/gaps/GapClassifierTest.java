package io.vigil.indexer.gaps;

import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.indexer.catalog.SessionOrigin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GapClassifierTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final GapClassifier CLASSIFIER = new GapClassifier(Duration.ofSeconds(1));
    private static final SessionOrigin STARTED_ON_1 = new SessionOrigin(SessionCause.START, null, "ingest-1");

    private static Neighbour continuous(String session, long first, long last, double from, double to, SessionOrigin origin) {
        return new Neighbour("door", "door/" + from + ".mp4", at(from), at(to), session, first, last,
                RecordingReason.CONTINUOUS, null, origin);
    }

    private static Instant at(double seconds) {
        return T.plusNanos((long) (seconds * 1e9));
    }

    private static Neighbour after(SessionOrigin origin) {
        return continuous("s2", 0, 4, 20, 25, origin);
    }

    private static final Neighbour BEFORE = continuous("s1", 0, 9, 0, 10, STARTED_ON_1);

    @Test
    void aNewSessionAfterACameraThatCouldNotBeReachedIsCameraOffline() {
        for (String kind : new String[] {"refused", "not_found", "unauthorized", "timeout", "silent"}) {
            Gap gap = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.RECONNECT, kind, "ingest-1"))).orElseThrow();

            assertThat(gap.cause()).isEqualTo(GapCause.CAMERA_OFFLINE);
            assertThat(gap.start()).isEqualTo(at(10));
            assertThat(gap.end()).isEqualTo(at(20));
            assertThat(gap.seconds()).isEqualTo(10.0);
            assertThat(gap.detail()).startsWith("no media for 10.0 s; reconnected after the camera");
        }
        assertThat(CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.RECONNECT, "timeout", "ingest-1")))
                .orElseThrow().detail()).isEqualTo("no media for 10.0 s; reconnected after the camera did not answer in time");
    }

    @Test
    void aNewSessionAfterAnyOtherStreamFailureIsAReconnect() {
        Gap gap = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.RECONNECT, "failure", "ingest-1"))).orElseThrow();

        assertThat(gap.cause()).isEqualTo(GapCause.RECONNECT);
        assertThat(gap.detail()).isEqualTo("no media for 10.0 s; reconnected after the stream failed");
    }

    @Test
    void aFirstSessionOnAnInstanceIsAnIngestRestartNamingWhoTookOver() {
        Gap moved = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.START, null, "ingest-2"))).orElseThrow();
        Gap restarted = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.START, "refused", "ingest-1"))).orElseThrow();

        assertThat(moved.cause()).isEqualTo(GapCause.INGEST_RESTART);
        assertThat(moved.detail()).isEqualTo("no media for 10.0 s; ingest ingest-2 took over from ingest-1");
        assertThat(moved.takenOverFrom()).as("a failover, counted by vigil_failovers_total").isEqualTo("ingest-1");
        assertThat(restarted.cause()).isEqualTo(GapCause.INGEST_RESTART);
        assertThat(restarted.takenOverFrom()).isNull();
        assertThat(restarted.detail()).isEqualTo("no media for 10.0 s; ingest ingest-1 started the camera afresh"
                + " (the first attempts failed: refused)");
    }

    @Test
    void anImportsFirstSessionFollowsNoFailureAndAfterASkippedSegmentIsAReconnect() {
        assertThat(CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.IMPORT, null, "ingest-1"))))
                .as("whatever the camera id had before an import is no gap of Vigil's").isEmpty();
        Gap skipped = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.IMPORT, "not_found", "ingest-1"))).orElseThrow();

        assertThat(skipped.cause()).isEqualTo(GapCause.RECONNECT);
        assertThat(skipped.detail()).startsWith("no media for 10.0 s; the import skipped a segment after");
    }

    @Test
    void aSessionRestartedForANewConfigurationIsAConfigChange() {
        Gap gap = CLASSIFIER.between(BEFORE, after(new SessionOrigin(SessionCause.CONFIG, null, "ingest-1"))).orElseThrow();

        assertThat(gap.cause()).isEqualTo(GapCause.CONFIG_CHANGE);
        assertThat(gap.detail()).contains("new camera configuration");
    }

    @Test
    void aSessionThatDoesNotSayWhyItBeganIsAReconnect() {
        Gap gap = CLASSIFIER.between(BEFORE, after(SessionOrigin.UNKNOWN)).orElseThrow();

        assertThat(gap.cause()).isEqualTo(GapCause.RECONNECT);
        assertThat(gap.detail()).contains("not recorded");
    }

    @Test
    void missingPiecesOfOneSessionAreASequenceJumpEvenBelowTheTolerance() {
        Neighbour later = continuous("s1", 12, 20, 10.5, 18.5, STARTED_ON_1);

        Gap gap = CLASSIFIER.between(BEFORE, later).orElseThrow();

        assertThat(gap.cause()).isEqualTo(GapCause.SEQUENCE_JUMP);
        assertThat(gap.detail()).isEqualTo("no media for 0.5 s; pieces 10 to 11 of session s1 are missing");
        assertThat(CLASSIFIER.between(BEFORE, continuous("s1", 11, 20, 11, 18, STARTED_ON_1)).orElseThrow().detail())
                .endsWith("piece 10 of session s1 are missing");
    }

    @Test
    void aSessionWhoseCameraSentNothingForAWhileIsCameraOffline() {
        Optional<Gap> gap = CLASSIFIER.between(BEFORE, continuous("s1", 10, 20, 14, 24, STARTED_ON_1));

        assertThat(gap).map(Gap::cause).contains(GapCause.CAMERA_OFFLINE);
        assertThat(gap.orElseThrow().detail()).contains("within session s1");
    }

    @Test
    void noGapWhereTheRecordingsFollowOrTheHoleIsWithinTheTolerance() {
        SessionOrigin reconnect = new SessionOrigin(SessionCause.RECONNECT, "timeout", "ingest-1");

        // the next file of the session
        assertThat(CLASSIFIER.between(BEFORE, continuous("s1", 10, 19, 10, 20, STARTED_ON_1))).isEmpty();
        // a quick reconnect: 1 s of room is tolerated, a little overlap too
        assertThat(CLASSIFIER.between(BEFORE, continuous("s2", 0, 9, 11, 21, reconnect))).isEmpty();
        assertThat(CLASSIFIER.between(BEFORE, continuous("s2", 0, 9, 9.8, 19.8, reconnect))).isEmpty();
        assertThat(CLASSIFIER.between(BEFORE, continuous("s2", 0, 9, 11.001, 21, reconnect))).isPresent();
    }

    @Test
    void recordingsOfDifferentEventsAreSeparatedOnPurposeButOneEventIsMeantToGoOn() {
        Neighbour motion = new Neighbour("door", "door/a.mp4", at(0), at(10), "s1", 0L, 9L, RecordingReason.MOTION, "e-1", STARTED_ON_1);
        SessionOrigin reconnect = new SessionOrigin(SessionCause.RECONNECT, "silent", "ingest-1");
        Neighbour otherEvent = new Neighbour("door", "door/b.mp4", at(60), at(70), "s2", 0L, 9L, RecordingReason.MOTION, "e-2", reconnect);
        Neighbour sameEvent = new Neighbour("door", "door/c.mp4", at(60), at(70), "s2", 0L, 9L, RecordingReason.MOTION, "e-1", reconnect);
        Neighbour continuousLater = continuous("s2", 0, 9, 60, 70, reconnect);

        assertThat(CLASSIFIER.between(motion, otherEvent)).isEmpty();
        assertThat(CLASSIFIER.between(motion, continuousLater)).isEmpty();
        assertThat(CLASSIFIER.between(motion, sameEvent)).map(Gap::cause).contains(GapCause.CAMERA_OFFLINE);
    }

    @Test
    void noRecordingOrSequenceNumbersUnknownStillClassifies() {
        Neighbour withoutJournal = new Neighbour("door", "door/x.mp4", at(30), at(35), null, null, null,
                RecordingReason.CONTINUOUS, null, SessionOrigin.UNKNOWN);

        assertThat(CLASSIFIER.between(BEFORE, withoutJournal)).map(Gap::cause).contains(GapCause.RECONNECT);
    }
}
