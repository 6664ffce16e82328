package io.vigil.gateway.storage;

import io.quarkus.runtime.Startup;
import io.vigil.contracts.storage.StorageState;
import io.vigil.contracts.storage.StorageThresholds;
import io.vigil.contracts.storage.VolumeUsage;
import io.vigil.gateway.problem.ErrorCodes;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import io.vigil.gateway.recording.RecordingsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The recordings volume's usage and state, measured when asked (one statvfs), against the thresholds
 * every service shares. Checked at start: thresholds that break the rule stop the gateway with a
 * message naming both settings.
 */
@ApplicationScoped
@Startup
public class VolumeStatus {

    /** A state and the usage it was computed from. */
    public record Reading(VolumeUsage usage, StorageState state) {
    }

    private static final Logger LOG = Logger.getLogger(VolumeStatus.class);

    private final Path root;
    private final StorageThresholds thresholds;

    VolumeStatus(RecordingsConfig recordings, StorageConfig config) {
        this.root = recordings.root().toAbsolutePath();
        this.thresholds = StorageThresholds.checked(config.warnPercent(), config.blockPercent());
    }

    public StorageThresholds thresholds() {
        return thresholds;
    }

    /** @throws ProblemException 503 when the volume cannot be read (not mounted, say) */
    public Reading read() {
        try {
            VolumeUsage usage = VolumeUsage.of(root);
            return new Reading(usage, thresholds.state(usage));
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot read the usage of the recordings volume %s: %s", root, e.toString());
            throw ProblemException.unavailable("the recordings volume cannot be read");
        }
    }

    /**
     * Before a new recording starts: at block it is refused (507, code -1010); at warn it goes ahead
     * with the warning returned here (code -1008).
     */
    public Optional<String> admitNewRecording() {
        Reading reading;
        try {
            reading = read();
        } catch (ProblemException e) {
            // not this request's business to judge a volume it cannot read: the recorder will (and refuses at block)
            return Optional.empty();
        }
        String used = String.format("%.1f %%", reading.usage().usedPercent());
        return switch (reading.state()) {
            case BLOCK -> throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE, "the recordings volume is " + used
                    + " full, at or above its block threshold of " + thresholds.blockPercent()
                    + " %: new recordings are refused until space is freed (unlock or delete recordings)")
                    .withCode(ErrorCodes.STORAGE_FULL);
            case WARN -> Optional.of("the recordings volume is " + used + " full, above its warn threshold of "
                    + thresholds.warnPercent() + " %: the oldest unlocked recordings are being deleted, before their retention ends");
            case OK -> Optional.empty();
        };
    }
}
