package io.vigil.indexer.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.storage.StorageState;
import io.vigil.contracts.storage.VolumeUsage;
import jakarta.enterprise.context.ApplicationScoped;

/** The volume's last seen usage: vigil_storage_used_ratio (0..1) and vigil_storage_state (0 ok, 1 warn, 2 block). */
@ApplicationScoped
public class StorageMetrics {

    private volatile double usedRatio = Double.NaN;
    private volatile StorageState state;

    StorageMetrics(MeterRegistry registry) {
        Gauge.builder("vigil.storage.used.ratio", this, m -> m.usedRatio)
                .description("Share of the recordings volume used (total minus usable), at the last storage check").register(registry);
        Gauge.builder("vigil.storage.state", this, m -> m.state == null ? Double.NaN : m.state.ordinal())
                .description("Storage state at the last check: 0 ok, 1 warn, 2 block").register(registry);
    }

    void seen(VolumeUsage usage, StorageState state) {
        this.usedRatio = usage.usedPercent() / 100.0;
        this.state = state;
    }
}
