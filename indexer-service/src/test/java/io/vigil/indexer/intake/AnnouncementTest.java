package io.vigil.indexer.intake;

import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.RecordingClosed;
import io.vigil.contracts.RecordingReason;
import io.vigil.indexer.indexing.RecordingFacts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnouncementTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void readsTheFileAndTheRecordersFacts() {
        Announcement announcement = Announcement.read(ContractJson.write(event("door", "door/2026-11-22/door_2026-11-22_10-00-00.mp4")));

        assertThat(announcement.path()).isEqualTo("door/2026-11-22/door_2026-11-22_10-00-00.mp4");
        assertThat(announcement.facts()).isEqualTo(new RecordingFacts("door", START, "s1", 3L, 902L, 900, "avc1.64001f",
                RecordingReason.CONTINUOUS, null));
    }

    @Test
    void readsWhyTheFileWasRecorded() {
        RecordingClosed motion = new RecordingClosed(RecordingClosed.VERSION, "door", "door/x.mp4", "s1", START, START.plusSeconds(20),
                5_000_000, 20, 3, 22, "avc1.64001f", "event", RecordingReason.MOTION, "1b4e");
        String v1 = "{\"v\":1,\"cameraId\":\"door\",\"path\":\"door/x.mp4\",\"start\":\"2026-11-22T10:00:00Z\",\"closeReason\":\"idle\"}";

        assertThat(Announcement.read(ContractJson.write(motion)).facts())
                .extracting(RecordingFacts::reason, RecordingFacts::eventId).containsExactly(RecordingReason.MOTION, "1b4e");
        assertThat(Announcement.read(v1.getBytes(StandardCharsets.UTF_8)).facts())
                .extracting(RecordingFacts::reason, RecordingFacts::eventId).containsExactly(RecordingReason.CONTINUOUS, null);
        RecordingClosed longId = new RecordingClosed(RecordingClosed.VERSION, "door", "door/x.mp4", "s1", START, START,
                0, 0, 0, 0, null, "event", RecordingReason.MANUAL, "e".repeat(65));
        assertThatThrownBy(() -> Announcement.read(ContractJson.write(longId)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("eventId");
    }

    @Test
    void refusesEventsThatBreakTheContract() {
        assertThatThrownBy(() -> Announcement.read(null)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> Announcement.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> Announcement.read(ContractJson.write(event("Door!", "Door!/x.mp4"))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("camera id");
        assertThatThrownBy(() -> Announcement.read(ContractJson.write(event("door", "yard/x.mp4"))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("folder");
        assertThatThrownBy(() -> Announcement.read(ContractJson.write(event("door", null))))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> Announcement.read("{\"v\":1,\"cameraId\":\"door\",\"path\":\"door/x.mp4\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("start");
    }

    static RecordingClosed event(String camera, String path) {
        return new RecordingClosed(RecordingClosed.VERSION, camera, path, "s1", START, START.plusSeconds(900),
                225_000_000, 900, 3, 902, "avc1.64001f", "rotation", RecordingReason.CONTINUOUS, null);
    }
}
