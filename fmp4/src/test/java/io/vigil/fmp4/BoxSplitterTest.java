package io.vigil.fmp4;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoxSplitterTest {

    @Test
    void splitsBoxesWhateverTheWriteSizes() {
        byte[] stream = BoxSplitter.concat(List.of(box("ftyp", 20), box("moov", 700), box("moof", 100), box("mdat", 5000)));

        for (int chunk : new int[] {1, 3, 7, 64, 4096, stream.length}) {
            BoxSplitter splitter = new BoxSplitter();
            List<Box> boxes = new ArrayList<>();
            for (int at = 0; at < stream.length; at += chunk) {
                boxes.addAll(splitter.feed(stream, at, Math.min(chunk, stream.length - at)));
            }
            assertThat(boxes).extracting(Box::type).containsExactly("ftyp", "moov", "moof", "mdat");
            assertThat(BoxSplitter.concat(boxes)).isEqualTo(stream);
            assertThat(splitter.pendingBytes()).isZero();
        }
    }

    @Test
    void holdsAnIncompleteBoxUntilItsEnd() {
        byte[] mdat = box("mdat", 300).bytes();
        BoxSplitter splitter = new BoxSplitter();

        assertThat(splitter.feed(mdat, 0, 299)).isEmpty();
        assertThat(splitter.pendingBytes()).isEqualTo(299);
        assertThat(splitter.feed(mdat, 299, 1)).extracting(Box::size).containsExactly(300);
    }

    @Test
    void readsLargeSizeBoxes() {
        ByteBuffer large = ByteBuffer.allocate(40).putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(40);
        assertThat(BoxSplitter.split(large.array())).extracting(Box::type, Box::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mdat", 40));
    }

    @Test
    void refusesImpossibleSizes() {
        byte[] tiny = ByteBuffer.allocate(8).putInt(4).put("moof".getBytes(StandardCharsets.ISO_8859_1)).array();
        assertThatThrownBy(() -> BoxSplitter.split(tiny)).isInstanceOf(Mp4FormatException.class);
        byte[] toEnd = ByteBuffer.allocate(8).putInt(0).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).array();
        assertThatThrownBy(() -> BoxSplitter.split(toEnd)).isInstanceOf(Mp4FormatException.class);
    }

    static Box box(String type, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining()) {
            b.put((byte) (b.position() % 251));
        }
        return new Box(type, b.array());
    }
}
