package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import static io.vigil.fmp4.Mp4Boxes.box;
import static io.vigil.fmp4.Mp4Boxes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecStringTest {

    @Test
    void avcNamesProfileConstraintsAndLevelInHex() {
        // High profile (100), no constraint flags, level 3.1 (31)
        BoxView entry = sampleEntry("avc1", box("avcC", bytes(1, 100, 0, 31, 0xFF, 0xE1)));

        assertThat(CodecString.of(entry)).isEqualTo("avc1.64001f");
    }

    @Test
    void hevcMainProfileFollowsTheAnnexEForm() {
        // profile space 0, main tier, Main (1); compatible with profiles 1 and 2; progressive, frame-only...; level 3.1 (93)
        BoxView entry = sampleEntry("hvc1", box("hvcC", bytes(1, 0x01, 0x60, 0, 0, 0, 0xB0, 0, 0, 0, 0, 0, 93)));

        assertThat(CodecString.of(entry)).isEqualTo("hvc1.1.6.L93.B0");
    }

    @Test
    void hevcHighTierKeepsInnerZeroConstraintBytes() {
        // Main 10 (2), high tier, compatible with profile 2; level 4 (120)
        BoxView entry = sampleEntry("hev1", box("hvcC", bytes(1, 0x22, 0x20, 0, 0, 0, 0x90, 0, 0x08, 0, 0, 0, 120)));

        assertThat(CodecString.of(entry)).isEqualTo("hev1.2.4.H120.90.00.08");
    }

    @Test
    void otherCodecsAreRefusedByName() {
        BoxView entry = sampleEntry("mp4v", box("esds", bytes(0, 0, 0, 0)));

        assertThatThrownBy(() -> CodecString.of(entry))
                .isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("mp4v");
    }

    /** A sample entry of {@code type}, its size left 0: the codec string does not depend on it. */
    private static BoxView sampleEntry(String type, byte[] configuration) {
        return BoxView.of(Mp4Boxes.sampleEntry(type, 0, 0, configuration));
    }
}
