package io.vigil.recorder.storage;

import io.vigil.contracts.storage.StorageState;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.contracts.storage.VolumeUsage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Whether the recordings volume is at or above block, from a reading at most {@code refresh} old: one
 * statvfs a second, not one per piece. A volume whose usage cannot be read is not taken for full: the
 * write itself will tell (the disk-full handling of SegmentWriter).
 */
public final class StorageGate {

    /** For tests and tools: never blocks. */
    public static final StorageGate OPEN = new StorageGate(() -> new VolumeUsage(100, 100), StorageThresholds.DEFAULT,
            Duration.ofDays(1), InstantSource.system());

    private static final Logger LOG = Logger.getLogger(StorageGate.class);

    /** A state and the usage it came from. */
    public record Reading(VolumeUsage usage, StorageState state) {
        public boolean blocked() {
            return state == StorageState.BLOCK;
        }
    }

    /** Measures a volume; a test measures a fake one. */
    @FunctionalInterface
    public interface Probe {
        VolumeUsage measure() throws IOException;
    }

    private final Probe probe;
    private final StorageThresholds thresholds;
    private final Duration refresh;
    private final InstantSource clock;
    private Reading last;
    private Instant measuredAt;

    public static StorageGate of(Path root, StorageThresholds thresholds, Duration refresh, InstantSource clock) {
        return new StorageGate(() -> VolumeUsage.of(root), thresholds, refresh, clock);
    }

    public StorageGate(Probe probe, StorageThresholds thresholds, Duration refresh, InstantSource clock) {
        this.probe = probe;
        this.thresholds = thresholds;
        this.refresh = refresh;
        this.clock = clock;
    }

    public StorageThresholds thresholds() {
        return thresholds;
    }

    public synchronized Reading reading() {
        Instant now = clock.instant();
        if (last == null || !measuredAt.plus(refresh).isAfter(now)) {
            try {
                VolumeUsage usage = probe.measure();
                last = new Reading(usage, thresholds.state(usage));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("cannot read the recordings volume's usage (%s); recording goes on", e.toString());
                last = new Reading(new VolumeUsage(1, 1), StorageState.OK);
            }
            measuredAt = now;
        }
        return last;
    }
}
