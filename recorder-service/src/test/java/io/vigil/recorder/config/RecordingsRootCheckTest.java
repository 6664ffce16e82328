package io.vigil.recorder.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingsRootCheckTest {

    @TempDir
    Path dir;

    @Test
    void aMissingRootIsCreated() {
        Path root = dir.resolve("volume/recordings");

        RecordingsRootCheck.check(root);

        assertThat(root).isDirectory().isEmptyDirectory();
    }

    @Test
    void aRootThatCannotBeADirectoryIsRefusedNamingTheSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> RecordingsRootCheck.check(file.resolve("recordings")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vigil.recordings.root (VIGIL_RECORDINGS_ROOT)")
                .hasMessageContaining(file.resolve("recordings").toString());
    }
}
