package io.vigil.recorder.file;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingNameTest {

    @Test
    void namesFollowTheVolumeLayoutInUtc() {
        RecordingName name = RecordingName.of("door", Instant.parse("2026-11-22T23:59:59.999Z"));

        assertThat(name.relativePath()).isEqualTo("door/2026-11-22/door_2026-11-22_23-59-59.mp4");
        assertThat(name.journal(Path.of("/r"))).isEqualTo(Path.of("/r/door/2026-11-22/door_2026-11-22_23-59-59.mp4.pieces"));
        assertThat(name.next().next().relativePath()).isEqualTo("door/2026-11-22/door_2026-11-22_23-59-59_2.mp4");
    }

    @Test
    void journalNamesParseBackOnlyForTheirOwnCamera() {
        RecordingName name = RecordingName.of("door", Instant.parse("2026-11-22T10:00:00Z")).next();
        String fileName = name.journal(Path.of("/r")).getFileName().toString();

        assertThat(RecordingName.ofJournal("door", fileName)).contains(name);
        assertThat(RecordingName.ofJournal("door-2", "door-2_2026-11-22_10-00-00.mp4.pieces")).isPresent();
        assertThat(RecordingName.ofJournal("door", "door-2_2026-11-22_10-00-00.mp4.pieces")).isEmpty();
        assertThat(RecordingName.ofJournal("door", "door_2026-11-22_10-00-00.mp4")).isEmpty();
        assertThat(RecordingName.ofJournal("door", "door_2026-13-45_10-00-00.mp4.pieces")).isEmpty();
    }

    @Test
    void chronologicalOrderPutsSuffixTenAfterNine() {
        RecordingName base = RecordingName.of("door", Instant.parse("2026-11-22T10:00:00Z"));
        List<RecordingName> names = new ArrayList<>();
        RecordingName n = base;
        for (int i = 0; i <= 10; i++, n = n.next()) {
            names.add(0, n);
        }
        names.add(0, RecordingName.of("door", Instant.parse("2026-11-22T10:00:01Z")));

        List<RecordingName> sorted = names.stream().sorted(RecordingName.CHRONOLOGICAL).toList();

        assertThat(sorted.get(0)).isEqualTo(base);
        assertThat(sorted.get(10).suffix()).isEqualTo(10);
        assertThat(sorted.get(11).start()).isEqualTo(LocalDateTime.parse("2026-11-22T10:00:01"));
    }
}
