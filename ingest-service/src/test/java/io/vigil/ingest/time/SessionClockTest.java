package io.vigil.ingest.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated camera whose clock runs fast or slow, seen through a network with jitter: one-second
 * pieces whose ends arrive when the next keyframe does, late by a base latency plus a random delay.
 */
class SessionClockTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-22T10:00:00Z");
    private static final long BASE_LATENCY_MICROS = 80_000;
    private static final long PIECE_MICROS = 1_000_000;

    /** Real (host) time in micros since the first keyframe was filmed, when media time {@code mediaMicros} was filmed. */
    private static double filmedAt(long mediaMicros, double ppm) {
        return mediaMicros / (1 + ppm / 1e6);
    }

    /** Mostly small delays, sometimes up to 400 ms, now and then a 3 s stall. */
    private static long jitterMicros(Random random) {
        double r = random.nextDouble();
        if (random.nextInt(500) == 0) {
            return 3_000_000;
        }
        return (long) (r * r * r * 400_000);
    }

    private record Run(long maxStepMicros, double maxWallErrorSeconds, double finalEstimateErrorSeconds,
                       double unslewedErrorSeconds, boolean contiguous, boolean endedSession) {
    }

    /** Runs {@code hours} of one-second pieces through a clock with the default settings. */
    private static Run simulate(double ppm, double hours, long seed) {
        Random random = new Random(seed);
        SessionClock clock = DriftSettings.DEFAULT.clock(ANCHOR, BASE_LATENCY_MICROS * 1_000);
        long maxStep = 0;
        double maxWallError = 0;
        boolean contiguous = true;
        boolean ended = false;
        Instant expectedStart = ANCHOR;
        long pieces = (long) (hours * 3600);
        long media = 0;
        for (long n = 0; n < pieces; n++) {
            SessionClock.Span span = clock.piece(media, media + PIECE_MICROS);
            contiguous &= span.start().equals(expectedStart) && span.durationMicros() > 0;
            maxStep = Math.max(maxStep, Math.abs(span.durationMicros() - PIECE_MICROS));
            // the start says when the piece was filmed, on the anchor's terms (filmed + base latency)
            double said = Duration.between(ANCHOR, span.start()).toNanos() / 1e9;
            double truth = filmedAt(media, ppm) / 1e6;
            maxWallError = Math.max(maxWallError, Math.abs(said - truth));
            expectedStart = span.start().plusNanos(span.durationMicros() * 1_000);
            media += PIECE_MICROS;
            // the piece is complete when the next keyframe arrives
            double arrival = filmedAt(media, ppm) + BASE_LATENCY_MICROS + jitterMicros(random);
            clock.measure((long) (arrival * 1_000));
            ended |= clock.beyondSlew();
        }
        double trueDrift = (media - filmedAt(media, ppm)) / 1e6;
        double unslewed = trueDrift;
        return new Run(maxStep, maxWallError, Math.abs(clock.skewSeconds() - trueDrift), unslewed, contiguous, ended);
    }

    @Test
    void aCameraClockRunningFastIsMeasuredAndSlewedWithinTheBound() {
        aDriftingCameraClockIsMeasuredAndSlewedWithinTheBound(300);
    }

    @Test
    void aCameraClockRunningSlowIsMeasuredAndSlewedWithinTheBound() {
        aDriftingCameraClockIsMeasuredAndSlewedWithinTheBound(-300);
    }

    private static void aDriftingCameraClockIsMeasuredAndSlewedWithinTheBound(double ppm) {
        Run run = simulate(ppm, 6, 42);

        // without slewing, six hours at 300 ppm put the recorded time 6.5 s off
        assertThat(run.unslewedErrorSeconds()).isCloseTo(Math.signum(ppm) * 6.48, org.assertj.core.data.Offset.offset(0.01));
        // the estimate converges on the drift: within the lag of the 1 min window (18 ms at 300 ppm) and a little jitter
        assertThat(run.finalEstimateErrorSeconds()).isLessThan(0.03);
        // the recorded time stays within the slew threshold (100 ms) plus the estimate's error all along
        assertThat(run.maxWallErrorSeconds()).isLessThan(0.15);
        // never more than 500 ppm of a one-second piece, contiguous, forward only, and no re-anchoring needed
        assertThat(run.maxStepMicros()).isGreaterThan(0).isLessThanOrEqualTo(500);
        assertThat(run.contiguous()).isTrue();
        assertThat(run.endedSession()).isFalse();
    }

    @Test
    void aCameraWithAGoodClockIsNeverSlewed() {
        Run run = simulate(0, 2, 7);

        assertThat(run.maxStepMicros()).isZero();
        assertThat(run.maxWallErrorSeconds()).isLessThan(0.001);
        assertThat(run.endedSession()).isFalse();
    }

    @Test
    void aClockTooFastToSlewEndsTheSession() {
        // 2 % fast: 12 s ahead after ten minutes, far more than 500 ppm can follow
        Run run = simulate(20_000, 0.25, 3);

        assertThat(run.endedSession()).isTrue();
        assertThat(run.contiguous()).isTrue();
        assertThat(run.maxStepMicros()).isLessThanOrEqualTo(500);
    }

    @Test
    void aStreamThatFellFarBehindEndsTheSessionOnceTheWindowHasPassed() {
        SessionClock clock = new DriftSettings(500, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .clock(ANCHOR, 0);
        long media = 0;
        int endedAt = -1;
        for (int n = 0; n < 200 && endedAt < 0; n++) {
            clock.piece(media, media + PIECE_MICROS);
            media += PIECE_MICROS;
            // from piece 60 on the stream arrives 12 s behind (a stall the camera buffered)
            long lag = n >= 60 ? 12_000_000 : 50_000;
            clock.measure((media + lag) * 1_000);
            if (clock.beyondSlew()) {
                endedAt = n;
            }
        }

        // the 30 s window (of host time, 12 s of which the stall took) first remembers the good samples;
        // then the drift is -12 s and the session must end
        assertThat(endedAt).isBetween(60 + 30 - 12 - 1, 60 + 30 - 12 + 1);
        assertThat(clock.skewSeconds()).isCloseTo(-12.0, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theEstimateIsTheUpperEnvelopeOverTheWindow() {
        ClockDrift drift = new ClockDrift(10_000_000);

        assertThat(drift.measured()).isFalse();
        assertThat(drift.settled()).isFalse();
        assertThat(drift.estimateMicros()).isZero();
        drift.observe(1_000_000, 1_000_000 + 5_000);
        drift.observe(2_000_000, 2_000_000 + 300_000);
        drift.observe(3_000_000, 3_000_000 + 120_000);
        assertThat(drift.estimateMicros()).isEqualTo(-5_000);
        assertThat(drift.settled()).isFalse();
        // eleven seconds later the best sample has left the window
        drift.observe(12_000_000, 12_000_000 + 200_000);
        assertThat(drift.estimateMicros()).isEqualTo(-120_000);
        assertThat(drift.settled()).isTrue();
        drift.observe(14_000_000, 14_000_000 + 250_000);
        assertThat(drift.estimateMicros()).isEqualTo(-200_000);
    }

    @Test
    void theSlewWaitsForTheThresholdThenWorksTheResidualOffAndStops() {
        Slew slew = new Slew(500, 100_000);

        assertThat(slew.wallDuration(1_000_000, -90_000)).isEqualTo(1_000_000);
        assertThat(slew.slewing()).isFalse();
        assertThat(slew.wallDuration(1_000_000, -101_000)).isEqualTo(999_500);
        assertThat(slew.slewing()).isTrue();
        int pieces = 1;
        while (slew.slewing()) {
            long duration = slew.wallDuration(1_000_000, -101_000);
            assertThat(duration).isBetween(999_500L, 1_000_000L);
            pieces++;
        }
        assertThat(pieces).isEqualTo(202);
        assertThat(slew.correctionMicros()).isEqualTo(-101_000);
        // a short piece gets a proportionally small step; a piece without duration none
        Slew another = new Slew(500, 0);
        assertThat(another.wallDuration(40_000, 1_000_000)).isEqualTo(40_020);
        assertThat(another.wallDuration(0, 1_000_000)).isZero();
    }

    @Test
    void aClockWithoutDriftHandlingIsAnchorPlusMediaTime() {
        SessionClock clock = new SessionClock(ANCHOR);

        SessionClock.Span span = clock.piece(2_000_000, 3_000_000);

        assertThat(span.start()).isEqualTo(ANCHOR.plusSeconds(2));
        assertThat(span.durationMicros()).isEqualTo(1_000_000);
        assertThat(clock.skewSeconds()).isNull();
        assertThat(clock.beyondSlew()).isFalse();
    }
}
