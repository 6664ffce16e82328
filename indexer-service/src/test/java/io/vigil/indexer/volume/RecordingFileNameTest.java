package io.vigil.indexer.volume;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingFileNameTest {

    @Test
    void readsTheUtcStartFromTheName() {
        assertThat(RecordingFileName.start(path("door_2026-11-22_10-05-09.mp4"))).contains(Instant.parse("2026-11-22T10:05:09Z"));
        assertThat(RecordingFileName.start(path("front-door_2026-01-02_23-59-59.mp4"))).contains(Instant.parse("2026-01-02T23:59:59Z"));
        // the recorder's suffix for a second file started within the same second
        assertThat(RecordingFileName.start(path("door_2026-11-22_10-05-09_1.mp4"))).contains(Instant.parse("2026-11-22T10:05:09Z"));
    }

    @Test
    void saysNothingForOtherNames() {
        assertThat(RecordingFileName.start(path("door.mp4"))).isEmpty();
        assertThat(RecordingFileName.start(path("door_2026-13-22_10-05-09.mp4"))).isEmpty();
        assertThat(RecordingFileName.start(path("door_2026-11-22 10-05-09.mp4"))).isEmpty();
    }

    private static RecordingPath path(String name) {
        return new RecordingPath("door/2026-11-22/" + name, "door", Path.of("/recordings/door/2026-11-22", name));
    }
}
