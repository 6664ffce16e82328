package io.vigil.indexer.backfill;

import io.vigil.contracts.RecordingReason;
import io.vigil.indexer.indexing.RecordingFacts;
import io.vigil.indexer.volume.RecordingPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileFactsTest {

    @TempDir
    Path dir;

    private final String name = "door_2026-11-22_10-00-00.mp4";

    @Test
    void prefersTheJournal() throws IOException {
        RecordingPath recording = recording();
        Files.writeString(recording.journal(), """
                {"cameraId":"door","sessionId":"s9","codec":"avc1.64001f","start":"2026-11-22T10:00:00.480Z"}
                {"seq":40,"offset":800,"length":1000,"start":"2026-11-22T10:00:00.480Z","durationMicros":1000000}
                {"seq":41,"offset":1800,"length":1000,"start":"2026-11-22T10:00:01.480Z","durationMicros":1000000}
                """);

        assertThat(FileFacts.of(recording)).contains(new RecordingFacts("door", Instant.parse("2026-11-22T10:00:00.480Z"),
                "s9", 40L, 41L, 2, "avc1.64001f", RecordingReason.CONTINUOUS, null));
    }

    @Test
    void takesTheReasonAndEventFromTheJournal() throws IOException {
        RecordingPath recording = recording();
        Files.writeString(recording.journal(), """
                {"cameraId":"door","sessionId":"s9","codec":"avc1.64001f","start":"2026-11-22T10:00:00.480Z","initBytes":800,"reason":"external","eventId":"bell-1"}
                {"seq":40,"offset":800,"length":1000,"start":"2026-11-22T10:00:00.480Z","durationMicros":1000000}
                """);

        assertThat(FileFacts.of(recording)).hasValueSatisfying(facts -> {
            assertThat(facts.reason()).isEqualTo(RecordingReason.EXTERNAL);
            assertThat(facts.eventId()).isEqualTo("bell-1");
        });
    }

    @Test
    void fallsBackToTheNameWithoutAUsableJournal() throws IOException {
        RecordingPath recording = recording();
        RecordingFacts fromName = new RecordingFacts("door", Instant.parse("2026-11-22T10:00:00Z"), null, null, null, null, null,
                RecordingReason.CONTINUOUS, null);

        assertThat(FileFacts.of(recording)).contains(fromName);
        Files.writeString(recording.journal(), "garbage\n");
        assertThat(FileFacts.of(recording)).contains(fromName);
    }

    @Test
    void knowsNothingWithoutJournalOrDatedName() {
        assertThat(FileFacts.of(new RecordingPath("door/x.mp4", "door", dir.resolve("x.mp4")))).isEmpty();
    }

    private RecordingPath recording() {
        return new RecordingPath("door/2026-11-22/" + name, "door", dir.resolve(name));
    }
}
