package io.vigil.ingest.event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.vigil.ingest.event.TestPieces.piece;
import static org.assertj.core.api.Assertions.assertThat;

class PreRollBudgetTest {

    private static final Duration PRE_ROLL = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Room for five pieces of 10 kB. */
    private final PreRollBudget budget = new PreRollBudget(50_000, meters, System::nanoTime);

    @Test
    void dropsTheOldestPiecesOfAnyCameraFirstAndCountsThem() {
        PreRollBuffer first = budget.newBuffer("cam-1", 1_000_000);
        PreRollBuffer second = budget.newBuffer("cam-2", 1_000_000);
        // cam-2's pieces start half a second after cam-1's
        for (int n = 0; n < 4; n++) {
            first.add(piece("a", n, true, 9_000), PRE_ROLL);
            second.add(shifted(piece("b", n, true, 9_000)), PRE_ROLL);
        }

        assertThat(budget.totalBytes()).isEqualTo(50_000);
        assertThat(first.stats().pieces()).isEqualTo(2);
        assertThat(second.stats().pieces()).isEqualTo(3);
        // the oldest went first, whichever camera was adding: cam-1's 0, cam-2's 0, cam-1's 1
        assertThat(first.stats().drops()).isEqualTo(2);
        assertThat(second.stats().drops()).isEqualTo(1);
        assertThat(first.takeFrom(TestPieces.T0)).first().extracting(p -> p.header().sequence()).isEqualTo(2L);
        assertThat(second.takeFrom(TestPieces.T0)).first().extracting(p -> p.header().sequence()).isEqualTo(1L);

        assertThat(meters.get("vigil.ingest.preroll.total.bytes").gauge().value()).isZero();
        assertThat(meters.get("vigil.ingest.preroll.total.peak.bytes").gauge().value()).isEqualTo(60_000);
        assertThat(meters.get("vigil.ingest.preroll.budget.bytes").gauge().value()).isEqualTo(50_000);
    }

    @Test
    void aBudgetSmallerThanOnePieceKeepsNothingButNeverFails() {
        PreRollBudget tiny = new PreRollBudget(5_000, null, System::nanoTime);
        PreRollBuffer buffer = tiny.newBuffer("cam-1", 1_000_000);
        for (int n = 0; n < 3; n++) {
            buffer.add(piece(n), PRE_ROLL);
        }
        assertThat(buffer.stats().pieces()).isZero();
        assertThat(buffer.stats().drops()).isEqualTo(3);
        assertThat(tiny.totalBytes()).isZero();
    }

    @Test
    void aClosedBufferLeavesTheBudget() {
        PreRollBuffer gone = budget.newBuffer("cam-1", 1_000_000);
        PreRollBuffer staying = budget.newBuffer("cam-2", 1_000_000);
        gone.add(piece(0), PRE_ROLL);
        gone.close();
        for (int n = 0; n < 5; n++) {
            staying.add(piece("b", n, true, 9_000), PRE_ROLL);
        }
        assertThat(staying.stats().drops()).isZero();
        assertThat(budget.totalBytes()).isEqualTo(50_000);
    }

    /** The same piece of cam-2, half a second later. */
    private static MediaPiece shifted(MediaPiece piece) {
        PieceHeader h = piece.header();
        return new MediaPiece(new PieceHeader(h.v(), "cam-2", h.sessionId(), h.sequence(), h.start().plusMillis(500),
                h.durationMicros(), h.codec(), h.keyframe(), h.rotationSeconds(), h.reason(), h.eventId()), piece.init(), piece.fragment());
    }
}
