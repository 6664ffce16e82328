package io.vigil.contracts.storage;

import io.vigil.contracts.ContractJson;
import io.vigil.contracts.StorageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageThresholdsTest {

    @Test
    void warnMustBeBelowBlockAndBothWithinOneToNinetyNine() {
        assertThat(StorageThresholds.problem(80, 90)).isNull();
        assertThat(StorageThresholds.problem(1, 99)).isNull();
        assertThat(StorageThresholds.problem(90, 90)).contains("VIGIL_STORAGE_WARN_PERCENT").contains("must be below")
                .contains("VIGIL_STORAGE_BLOCK_PERCENT");
        assertThat(StorageThresholds.problem(95, 90)).contains("= 95 must be below");
        assertThat(StorageThresholds.problem(0, 90)).contains("warn-percent").contains("between 1 and 99");
        assertThat(StorageThresholds.problem(80, 100)).contains("block-percent").contains("between 1 and 99");
        assertThatThrownBy(() -> StorageThresholds.checked(90, 80)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be below");
        assertThatThrownBy(() -> new StorageThresholds(-1, 80)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reachingAThresholdEntersItsState() {
        StorageThresholds thresholds = new StorageThresholds(80, 90);

        assertThat(thresholds.state(79.99)).isEqualTo(StorageState.OK);
        assertThat(thresholds.state(80.0)).isEqualTo(StorageState.WARN);
        assertThat(thresholds.state(89.9)).isEqualTo(StorageState.WARN);
        assertThat(thresholds.state(90.0)).isEqualTo(StorageState.BLOCK);
        assertThat(thresholds.state(100.0)).isEqualTo(StorageState.BLOCK);
    }

    @Test
    void usageCountsWhatCannotBeWrittenAsUsed() {
        VolumeUsage usage = new VolumeUsage(1000, 150);

        assertThat(usage.usedBytes()).isEqualTo(850);
        assertThat(usage.usedPercent()).isEqualTo(85.0);
        assertThat(StorageThresholds.DEFAULT.state(usage)).isEqualTo(StorageState.WARN);
        assertThat(usage.bytesAbove(80)).isEqualTo(51); // 799 used is below 80 %
        assertThat(new VolumeUsage(1000, 900).bytesAbove(80)).isZero();
        assertThat(new VolumeUsage(0, 0).usedPercent()).isEqualTo(100.0);
        assertThat(new VolumeUsage(1000, 2000).usableBytes()).isEqualTo(1000);
    }

    @Test
    void storageEventsRoundTripAndSayWhatIsWrong() {
        StorageEvent refused = StorageEvent.recordingsRefused(Instant.parse("2026-11-22T10:00:05Z"), "rec-1", 91.5, 90, "door",
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:05Z"), 5, true);
        StorageEvent cut = StorageEvent.retentionCutShort(Instant.EPOCH, "idx", StorageState.WARN, 81, 80, 3, 3000,
                List.of("door", "yard"), Instant.EPOCH);

        assertThat(ContractJson.read(ContractJson.write(refused), StorageEvent.class)).isEqualTo(refused);
        assertThat(ContractJson.read(ContractJson.write(cut), StorageEvent.class)).isEqualTo(cut);
        assertThat(new String(ContractJson.write(refused))).contains("\"state\":\"block\"");
        assertThat(refused.problem()).isNull();
        assertThat(cut.problem()).isNull();
        assertThat(StorageEvent.recordingsRefused(Instant.EPOCH, "r", 91, 90, "../x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 1, true)
                .problem()).contains("cameraId");
        assertThat(StorageEvent.recordingsRefused(Instant.EPOCH, "r", 91, 90, "door", Instant.EPOCH, Instant.EPOCH, 1, true)
                .problem()).contains("from before to");
    }
}
