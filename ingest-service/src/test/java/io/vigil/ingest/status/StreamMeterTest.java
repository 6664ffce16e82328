package io.vigil.ingest.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void measuresTheLastCompleteWindow() {
        StreamMeter meter = new StreamMeter(5 * SECOND, 0);
        // 5 s of 25 fps video of 10 kB frames and 50 audio packets of 200 B per second
        for (int frame = 0; frame < 125; frame++) {
            meter.packet(10_000, true, frame * SECOND / 25);
        }
        for (int packet = 0; packet < 250; packet++) {
            meter.packet(200, false, packet * SECOND / 50);
        }

        StreamMeter.Rates rates = meter.rates(5 * SECOND);

        assertThat(rates.fps()).isEqualTo(25.0);
        assertThat(rates.bitrate()).isEqualTo((125 * 10_000 + 250 * 200) * 8 / 5);
    }

    @Test
    void reportsThePartialWindowUntilOneCompletes() {
        StreamMeter meter = new StreamMeter(5 * SECOND, 0);
        for (int frame = 0; frame < 10; frame++) {
            meter.packet(1_000, true, frame * SECOND / 10);
        }

        assertThat(meter.rates(SECOND).fps()).isEqualTo(10.0);
        assertThat(meter.rates(SECOND).bitrate()).isEqualTo(80_000);
    }

    @Test
    void silenceCountsFromTheLastVideoPacket() {
        StreamMeter meter = new StreamMeter(5 * SECOND, 0);
        meter.packet(1_000, true, 2 * SECOND);
        meter.packet(100, false, 6 * SECOND);

        assertThat(meter.silentNanos(9 * SECOND)).isEqualTo(7 * SECOND);
    }

    @Test
    void restartForgetsThePreviousSession() {
        StreamMeter meter = new StreamMeter(SECOND, 0);
        meter.packet(1_000, true, SECOND / 2);
        meter.rates(2 * SECOND);

        meter.restart(10 * SECOND);

        assertThat(meter.rates(10 * SECOND)).isEqualTo(new StreamMeter.Rates(0, 0));
        assertThat(meter.silentNanos(11 * SECOND)).isEqualTo(SECOND);
    }
}
