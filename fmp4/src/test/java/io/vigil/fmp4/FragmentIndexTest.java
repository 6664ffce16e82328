package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentIndexTest {

    @Test
    void encodesAndDecodesAnHourOfContiguousFragmentsCompactly() {
        List<Fragment> fragments = new ArrayList<>();
        long offset = 1_024;
        for (int second = 0; second < 3_600; second++) {
            long size = 240_000 + (second * 7919L) % 30_000;
            fragments.add(new Fragment(offset, size, second * 1_000_000L, 1_000_000));
            offset += size;
        }
        FragmentIndex index = new FragmentIndex(1_024, fragments);

        byte[] encoded = index.encode();

        assertThat(FragmentIndex.decode(encoded)).isEqualTo(index);
        // 8 bytes a fragment here, against 32 for four fixed 64-bit fields
        assertThat(encoded.length).isLessThanOrEqualTo(16 + 3_600 * 8);
    }

    @Test
    void keepsGapsJumpsBackAndLargeValues() {
        FragmentIndex index = new FragmentIndex(800, List.of(
                new Fragment(900, 5_000, 0, 1_000_000),
                new Fragment(5_900, 6_000, 2_500_000, 40_000),
                new Fragment(11_900, 1L << 35, 1_000_000, 0),
                new Fragment((1L << 40) + 11_900, 77, Long.MAX_VALUE / 4, 123)));

        assertThat(FragmentIndex.decode(index.encode())).isEqualTo(index);
        assertThat(FragmentIndex.decode(new FragmentIndex(800, List.of()).encode()).fragments()).isEmpty();
    }

    @Test
    void refusesBytesItDidNotWrite() {
        byte[] encoded = new FragmentIndex(800, List.of(new Fragment(800, 5_000, 0, 1_000_000),
                new Fragment(5_800, 5_000, 1_000_000, 1_000_000))).encode();
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        byte[] absurdCount = {1, 0x20, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0, 0, 0, 0};

        assertThatThrownBy(() -> FragmentIndex.decode(otherVersion)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> FragmentIndex.decode(Arrays.copyOf(encoded, encoded.length - 1))).isInstanceOf(Mp4FormatException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> FragmentIndex.decode(trailing)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("after its last");
        assertThatThrownBy(() -> FragmentIndex.decode(absurdCount)).isInstanceOf(Mp4FormatException.class).hasMessageContaining("announces");
        assertThatThrownBy(() -> FragmentIndex.decode(new byte[0])).isInstanceOf(Mp4FormatException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesOverlappingFragments() {
        assertThatThrownBy(() -> new FragmentIndex(800, List.of(new Fragment(800, 100, 0, 1), new Fragment(850, 100, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> new FragmentIndex(800, List.of(new Fragment(700, 100, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
