package io.vigil.ingest.event;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PreRollStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.vigil.ingest.event.TestPieces.piece;
import static io.vigil.ingest.event.TestPieces.second;
import static org.assertj.core.api.Assertions.assertThat;

class PreRollBufferTest {

    private static final Duration PRE_ROLL = Duration.ofSeconds(3);

    private final PreRollBudget budget = new PreRollBudget(Long.MAX_VALUE, null, System::nanoTime);
    private final PreRollBuffer buffer = budget.newBuffer("cam-1", 1_000_000);

    @Test
    void holdsThePreRollFromTheLatestKeyframeAtOrBeforeItAndNoMore() {
        for (int n = 0; n < 10; n++) {
            buffer.add(piece(n), PRE_ROLL);
        }
        // newest end 10 s, pre-roll from 7 s: pieces 7, 8, 9
        PreRollStats stats = buffer.stats();
        assertThat(stats.pieces()).isEqualTo(3);
        assertThat(stats.seconds()).isEqualTo(3.0);
        assertThat(stats.bytes()).isEqualTo(3 * 10_000);
        assertThat(stats.peakBytes()).isEqualTo(4 * 10_000);
        assertThat(stats.drops()).isZero();
        assertThat(sequences(buffer.takeFrom(second(7)))).containsExactly(7L, 8L, 9L);
        assertThat(buffer.stats().pieces()).isZero();
    }

    @Test
    void keepsTheKeyframeOfAGopThatStartedBeforeThePreRoll() {
        // two pieces per GOP: keyframes at even seconds
        for (int n = 0; n < 10; n++) {
            buffer.add(piece("s1", n, n % 2 == 0, 9_000), PRE_ROLL);
        }
        // pre-roll from 7 s: the GOP holding it starts at 6 s
        assertThat(buffer.stats().pieces()).isEqualTo(4);
        assertThat(sequences(buffer.takeFrom(second(7)))).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void aRecordingBeginsAtTheLatestKeyframeAtOrBeforeTheStartOrTheOldestWhenTheBufferIsShorter() {
        for (int n = 0; n < 6; n++) {
            buffer.add(piece("s1", n, n % 2 == 0, 9_000), Duration.ofSeconds(30));
        }
        assertThat(sequences(buffer.takeFrom(second(3.5)))).containsExactly(2L, 3L, 4L, 5L);

        for (int n = 6; n < 9; n++) {
            buffer.add(piece("s1", n, n % 2 == 0, 9_000), Duration.ofSeconds(30));
        }
        assertThat(sequences(buffer.takeFrom(second(1)))).containsExactly(6L, 7L, 8L);
    }

    @Test
    void neverStartsWithAPieceWithoutKeyframe() {
        buffer.add(piece("s1", 0, false, 9_000), PRE_ROLL);
        buffer.add(piece("s1", 1, false, 9_000), PRE_ROLL);
        assertThat(buffer.stats().pieces()).isZero();

        buffer.add(piece("s1", 2, true, 9_000), PRE_ROLL);
        buffer.add(piece("s1", 3, false, 9_000), PRE_ROLL);
        assertThat(sequences(buffer.takeFrom(second(10)))).containsExactly(2L, 3L);
    }

    @Test
    void staysWithinItsCamerasBytesDroppingTheOldestWholeGop() {
        PreRollBuffer small = budget.newBuffer("cam-2", 35_000);
        for (int n = 0; n < 6; n++) {
            small.add(piece("s1", n, n % 2 == 0, 9_000), Duration.ofSeconds(30));
        }
        // 10 kB a piece: at most 3 fit; a GOP goes as a whole, since its later piece cannot begin a recording
        PreRollStats stats = small.stats();
        assertThat(stats.pieces()).isEqualTo(2);
        assertThat(stats.bytes()).isEqualTo(20_000);
        assertThat(stats.drops()).isEqualTo(4);
        assertThat(sequences(small.takeFrom(second(0)))).containsExactly(4L, 5L);
    }

    @Test
    void clearingIsNoDropAndGivesTheMemoryBack() {
        buffer.add(piece(0), PRE_ROLL);
        buffer.add(piece(1), PRE_ROLL);
        assertThat(budget.totalBytes()).isEqualTo(20_000);

        buffer.clear();
        assertThat(buffer.stats()).isEqualTo(new PreRollStats(0, 0, 0, 20_000, 0));
        assertThat(budget.totalBytes()).isZero();

        buffer.add(piece(2), PRE_ROLL);
        buffer.close();
        buffer.add(piece(3), PRE_ROLL);
        assertThat(budget.totalBytes()).isZero();
    }

    private static List<Long> sequences(List<MediaPiece> pieces) {
        return pieces.stream().map(piece -> piece.header().sequence()).toList();
    }
}
