package io.vigil.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contracts of issue 8: camera headers and variant, source session fields, imports. */
class SourceContractsTest {

    @Test
    void aV3ConfigCarriesHeadersAndVariantAndAV2OneReadsWithout() {
        CameraConfig config = new CameraConfig(CameraConfig.VERSION, "lobby", "Lobby", "https://cdn/live.m3u8", CameraMode.CONTINUOUS,
                900, 5, 10, 1800, MotionSettings.DEFAULT, 7, Instant.EPOCH, Map.of("Authorization", "Bearer secret"), "1280x720");
        assertThat(ContractJson.read(ContractJson.write(config), CameraConfig.class)).isEqualTo(config);
        assertThat(config.toString()).contains("Authorization").doesNotContain("Bearer secret");

        String v2 = "{\"v\":2,\"id\":\"door\",\"name\":\"Door\",\"url\":\"rtsp://cam/s\",\"mode\":\"continuous\","
                + "\"rotationSeconds\":900,\"revision\":1,\"updatedAt\":\"2026-11-22T10:00:00Z\"}";
        CameraConfig old = ContractJson.read(v2.getBytes(StandardCharsets.UTF_8), CameraConfig.class);
        assertThat(old.headers()).isEmpty();
        assertThat(old.variant()).isNull();
        assertThat(old.sameSource(config)).isFalse();
        assertThat(config.sameSource(new CameraConfig(3, "lobby", "Renamed", "https://cdn/live.m3u8", CameraMode.EVENTS,
                60, 5, 10, 1800, MotionSettings.DEFAULT, 8, Instant.EPOCH, Map.of("Authorization", "Bearer secret"), "1280x720"))).isTrue();
    }

    @Test
    void aV4StatusCarriesTheSourceSession() {
        CameraStatus status = new CameraStatus(CameraStatus.VERSION, "lobby", "ingest-1", CameraState.OFFLINE, false, "s", null,
                null, null, 0, 0, "forbidden", "unauthorized", null, 1, 0, Instant.EPOCH, Instant.EPOCH, RecordingState.IDLE,
                false, null, null, null, PreRollStats.EMPTY, null, "hls", SourceStop.ERROR, SourceStop.FORBIDDEN);
        CameraStatus copy = ContractJson.read(ContractJson.write(status), CameraStatus.class);
        assertThat(copy.source()).isEqualTo("hls");
        assertThat(copy.stopReason()).isEqualTo("error");
        assertThat(copy.errorId()).isEqualTo("forbidden");
        assertThat(SourceStop.ERRORS).containsExactlyInAnyOrder("failure", "timeout", "forbidden", "not_found", "drm_protected");
        assertThat(SourceStop.REASONS).containsExactlyInAnyOrder("complete", "error", "user");
    }

    @Test
    void importCommandsAndStatusesRoundTripAndBadOnesSayWhy() {
        String id = UUID.randomUUID().toString();
        ImportCommand start = new ImportCommand(ImportCommand.VERSION, ImportCommand.Action.START, id, "https://u:p@cdn/a.mp4",
                Map.of("Cookie", "c=1"), null, "lobby", Instant.EPOCH, Instant.EPOCH);
        assertThat(start.problem()).isNull();
        assertThat(ContractJson.read(ContractJson.write(start), ImportCommand.class)).isEqualTo(start);
        assertThat(start.toString()).doesNotContain("u:p").doesNotContain("c=1");
        assertThat(ImportCommand.cancel(id, Instant.EPOCH).problem()).isNull();
        assertThat(ImportCommand.cancel("nope", Instant.EPOCH).problem()).contains("UUID");
        assertThat(new ImportCommand(1, ImportCommand.Action.START, id, null, null, null, "lobby", null, Instant.EPOCH).problem())
                .contains("url");

        ImportStatus status = new ImportStatus(ImportStatus.VERSION, id, "lobby", ImportStatus.Event.STOPPED, "mp4", 100.0, 10, 5.0,
                0.0, 6.0, 6.0, 0, Instant.EPOCH, Instant.EPOCH.plusSeconds(6), SourceStop.COMPLETE, null, null, "ingest-1",
                Instant.EPOCH, Instant.EPOCH);
        assertThat(ContractJson.read(ContractJson.write(status), ImportStatus.class)).isEqualTo(status);
        assertThat(new String(ContractJson.write(status), StandardCharsets.UTF_8)).contains("\"event\":\"stopped\"");
    }
}
