package io.vigil.system;

import io.vigil.fmp4.Box;
import io.vigil.fmp4.BoxSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the recordings volume holds, read from the files themselves rather than from the catalog. */
final class FileFragments {

    private FileFragments() {
    }

    /** The number of fragments (moof boxes) in a recording: one per piece the recorder wrote. */
    static int fragments(Path file) {
        try {
            BoxSplitter splitter = new BoxSplitter();
            byte[] bytes = Files.readAllBytes(file);
            List<Box> boxes = splitter.feed(bytes, 0, bytes.length);
            if (splitter.pendingBytes() > 0) {
                throw new AssertionError(file + " ends in the middle of a box: half written");
            }
            return (int) boxes.stream().filter(box -> box.type().equals("moof")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every recording file of the camera on the volume. */
    static List<Path> files(Path recordings, String camera) {
        Path dir = recordings.resolve(camera);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".mp4")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
