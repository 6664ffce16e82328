package io.vigil.contracts.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {

    @Test
    void theReasonNeverCarriesACameraPasswordAndStaysAHeaderSize() {
        DeadLetter letter = new DeadLetter("vigil.camera-config", 3, 42, "door", new byte[] {1},
                "url rtsp://admin:hunter2@10.0.0.5/live is not reachable");
        assertThat(letter.reason()).doesNotContain("hunter2").contains("10.0.0.5");
        assertThat(letter.source()).isEqualTo("vigil.camera-config-3@42");

        assertThat(new DeadLetter("t", 0, 0, null, null, "x".repeat(10_000)).reason()).hasSize(DeadLetter.MAX_REASON_CHARS);
        assertThat(new DeadLetter("t", 0, 0, null, null, null).reason()).isEqualTo("unreadable record");
    }
}
