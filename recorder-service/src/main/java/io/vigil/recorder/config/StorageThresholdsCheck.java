package io.vigil.recorder.config;

import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.storage.StorageThresholds;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start with thresholds that break the shared rule (warn below block, both 1..99), naming both settings. */
@ApplicationScoped
public class StorageThresholdsCheck {

    void onStart(@Observes @Priority(StartupOrder.CHECKS) StartupEvent event, StorageConfig storage) {
        StorageThresholds.checked(storage.warnPercent(), storage.blockPercent());
    }
}
