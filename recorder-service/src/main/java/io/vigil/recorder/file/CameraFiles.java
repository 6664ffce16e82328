package io.vigil.recorder.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a camera's recordings on the volume by their journals, newest first. */
final class CameraFiles {

    private static final String DAY_PATTERN = "\\d{4}-\\d{2}-\\d{2}";

    private CameraFiles() {
    }

    /** Up to {@code limit} recordings of the camera, newest first; only the newest day folders are listed. */
    static List<RecordingName> newest(Path root, String cameraId, int limit) throws IOException {
        Path cameraDir = root.resolve(cameraId);
        List<RecordingName> found = new ArrayList<>();
        if (!Files.isDirectory(cameraDir)) {
            return found;
        }
        for (Path day : days(cameraDir)) {
            String dayName = day.getFileName().toString();
            try (Stream<Path> files = Files.list(day)) {
                files.map(file -> RecordingName.ofJournal(cameraId, file.getFileName().toString()))
                        .flatMap(Optional::stream)
                        .filter(name -> name.start().format(RecordingName.DAY).equals(dayName))
                        .sorted(RecordingName.CHRONOLOGICAL.reversed())
                        .limit(limit - found.size())
                        .forEach(found::add);
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    private static List<Path> days(Path cameraDir) throws IOException {
        try (Stream<Path> entries = Files.list(cameraDir)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches(DAY_PATTERN))
                    .sorted(Comparator.comparing((Path dir) -> dir.getFileName().toString()).reversed())
                    .toList();
        }
    }
}
