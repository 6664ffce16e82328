package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackTest {

    @Test
    void convertsTicksToMicrosecondsWithoutOverflow() {
        Track ninetyKilohertz = new Track(1, 90_000, 0, 0);

        assertThat(ninetyKilohertz.micros(3)).isEqualTo(33);
        assertThat(ninetyKilohertz.micros(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE / 2 / 90_000 * 1_000_000
                + Long.MAX_VALUE / 2 % 90_000 * 1_000_000 / 90_000);
        assertThat(new Track(1, 12_800, 0, 0).micros(-512)).isEqualTo(-40_000);
    }

    @Test
    void refusesATimescaleThatCannotConvertTicks() {
        assertThatThrownBy(() -> new Track(1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
