package io.vigil.indexer.retention;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void recordingsThatEndedBeforeTheRetentionDaysExpire() {
        RetentionPolicy twoDays = new RetentionPolicy(2, null);

        assertThat(twoDays.cutoff(NOW)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(twoDays.expired(Instant.parse("2026-11-20T09:59:59Z"), NOW)).isTrue();
        assertThat(twoDays.expired(Instant.parse("2026-11-20T10:00:00Z"), NOW)).isFalse();
        assertThat(RetentionPolicy.DEFAULT.days()).isEqualTo(7);
        assertThat(RetentionPolicy.DEFAULT.expired(Instant.parse("2026-11-16T10:00:00Z"), NOW)).isFalse();
        assertThat(RetentionPolicy.DEFAULT.expired(Instant.parse("2026-11-15T09:00:00Z"), NOW)).isTrue();
        assertThatThrownBy(() -> new RetentionPolicy(0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theByteCapKeepsTheNewestAndEveryOlderOneGoes() {
        RetentionPolicy cap = new RetentionPolicy(30, 250L);
        List<RetentionPolicy.Stored> newestFirst = List.of(
                new RetentionPolicy.Stored(5, 100, false),
                new RetentionPolicy.Stored(4, 100, false),
                new RetentionPolicy.Stored(3, 100, false), // 300 > 250: goes
                new RetentionPolicy.Stored(2, 10, false),  // would fit, but older than one that went: goes
                new RetentionPolicy.Stored(1, 100, false));

        assertThat(cap.beyondCap(newestFirst)).containsExactly(3L, 2L, 1L);
        assertThat(new RetentionPolicy(30, null).beyondCap(newestFirst)).isEmpty();
        assertThat(new RetentionPolicy(30, 1000L).beyondCap(newestFirst)).isEmpty();
    }

    @Test
    void lockedRecordingsStayAndUseUpTheCapFirst() {
        RetentionPolicy cap = new RetentionPolicy(30, 250L);
        List<RetentionPolicy.Stored> newestFirst = List.of(
                new RetentionPolicy.Stored(4, 100, false),
                new RetentionPolicy.Stored(3, 100, true),
                new RetentionPolicy.Stored(2, 100, false),
                new RetentionPolicy.Stored(1, 100, true));

        // 200 locked: only 50 left, so even the newest unlocked one goes
        assertThat(cap.beyondCap(newestFirst)).containsExactly(4L, 2L);
    }
}
