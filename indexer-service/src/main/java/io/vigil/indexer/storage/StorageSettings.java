package io.vigil.indexer.storage;

import io.quarkus.runtime.Startup;
import io.vigil.contracts.storage.StorageThresholds;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The checked storage thresholds. Built at start: warn not below block, or either outside 1..99,
 * stops the service with a message naming both settings (the one rule every service applies).
 */
@ApplicationScoped
@Startup
public class StorageSettings {

    private final StorageThresholds thresholds;

    StorageSettings(StorageConfig config) {
        this.thresholds = StorageThresholds.checked(config.warnPercent(), config.blockPercent());
    }

    public StorageThresholds thresholds() {
        return thresholds;
    }
}
