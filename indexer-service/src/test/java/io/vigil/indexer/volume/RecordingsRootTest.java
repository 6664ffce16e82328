package io.vigil.indexer.volume;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingsRootTest {

    @TempDir
    Path dir;

    @Test
    void resolvesACatalogPathInsideTheRoot() throws Exception {
        RecordingsRoot root = new RecordingsRoot(dir);

        RecordingPath path = root.resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4");

        assertThat(path.cameraId()).isEqualTo("door");
        assertThat(path.relative()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        assertThat(path.file()).isEqualTo(dir.toRealPath().resolve("door/2026-11-22/door_2026-11-22_10-00-00.mp4"));
        assertThat(path.journal().getFileName()).hasToString("door_2026-11-22_10-00-00.mp4.pieces");
    }

    @Test
    void refusesPathsThatLeaveTheRootOrNameNoCamera() {
        RecordingsRoot root = new RecordingsRoot(dir);

        for (String path : new String[] {"../etc/passwd.mp4", "door/../../x.mp4", "/etc/x.mp4", "door//x.mp4",
                "door/./x.mp4", "door\\..\\x.mp4", "Door/x.mp4", "door_cam/x.mp4", "door.mp4", "door/x.txt", "", "door/x.mp4\0"}) {
            assertThatThrownBy(() -> root.resolve(path)).as(path).isInstanceOf(InvalidRecordingPathException.class);
        }
        assertThatThrownBy(() -> root.resolve(null)).isInstanceOf(InvalidRecordingPathException.class);
    }

    @Test
    void refusesALinkThatLeadsOutOfTheRoot(@TempDir Path outside) throws IOException {
        Path recordings = Files.createDirectory(dir.resolve("recordings"));
        Files.createSymbolicLink(recordings.resolve("door"), outside);
        Files.writeString(outside.resolve("secret.mp4"), "x");
        RecordingsRoot root = new RecordingsRoot(recordings);

        assertThatThrownBy(() -> root.resolve("door/secret.mp4")).isInstanceOf(InvalidRecordingPathException.class)
                .hasMessageContaining("outside the recordings root");
    }

    @Test
    void refusesARootThatIsNoDirectory() {
        assertThatThrownBy(() -> new RecordingsRoot(dir.resolve("missing")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vigil.recordings.root=");
    }

    @Test
    void walksEveryRecordingWithItsModificationTime() throws Exception {
        Path file = write("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T10:15:00Z")));
        write("yard/2026-11-23/yard_2026-11-23_00-00-00.mp4");
        write("door/2026-11-22/door_2026-11-22_10-00-00.mp4.pieces");
        write("Not-A-Camera/x.mp4");
        write("loose.mp4");
        List<RecordingsRoot.RecordingFile> found = new ArrayList<>();

        new RecordingsRoot(dir).forEachRecording(found::add);

        assertThat(found).extracting(f -> f.path().relative()).containsExactlyInAnyOrder(
                "door/2026-11-22/door_2026-11-22_10-00-00.mp4", "yard/2026-11-23/yard_2026-11-23_00-00-00.mp4");
        assertThat(found).filteredOn(f -> f.path().cameraId().equals("door"))
                .extracting(RecordingsRoot.RecordingFile::modified).containsExactly(Instant.parse("2026-11-22T10:15:00Z"));
    }

    @Test
    void endsTheWalkWithTheVisitorsException() throws IOException {
        write("door/a.mp4");

        assertThatThrownBy(() -> new RecordingsRoot(dir).forEachRecording(file -> {
            throw new java.sql.SQLException("stop here");
        })).isInstanceOf(java.sql.SQLException.class).hasMessage("stop here");
    }

    private Path write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
