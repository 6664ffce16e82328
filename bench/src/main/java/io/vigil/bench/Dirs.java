package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a measurement wrote (recordings, segments), so a long run does not fill the disk. */
final class Dirs {

    private Dirs() {
    }

    /** The whole tree. */
    static void delete(Path dir) {
        deleteMatching(dir, "");
    }

    /** The files whose name ends with {@code suffix} (say the media, keeping the logs), and the emptied folders. */
    static void deleteMatching(Path dir, String suffix) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> left = Files.list(path)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(path);
                        }
                    }
                } else if (path.getFileName().toString().endsWith(suffix)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
