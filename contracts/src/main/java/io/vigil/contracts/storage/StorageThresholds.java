package io.vigil.contracts.storage;

/**
 * The one storage policy every service applies to the recordings volume: from {@code warnPercent}
 * used the oldest unlocked recordings are deleted, from {@code blockPercent} new recordings are
 * refused. Configured in every service as {@code vigil.storage.warn-percent} and
 * {@code vigil.storage.block-percent} (env {@code VIGIL_STORAGE_WARN_PERCENT},
 * {@code VIGIL_STORAGE_BLOCK_PERCENT}); a service refuses to start when {@link #problem} says why.
 */
public record StorageThresholds(int warnPercent, int blockPercent) {

    public static final int DEFAULT_WARN_PERCENT = 80;
    public static final int DEFAULT_BLOCK_PERCENT = 90;
    public static final String WARN_SETTING = "vigil.storage.warn-percent (VIGIL_STORAGE_WARN_PERCENT)";
    public static final String BLOCK_SETTING = "vigil.storage.block-percent (VIGIL_STORAGE_BLOCK_PERCENT)";

    public static final StorageThresholds DEFAULT = new StorageThresholds(DEFAULT_WARN_PERCENT, DEFAULT_BLOCK_PERCENT);

    public StorageThresholds {
        String problem = problem(warnPercent, blockPercent);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these settings cannot be used (naming them), or null when they can. */
    public static String problem(int warnPercent, int blockPercent) {
        if (warnPercent < 1 || warnPercent > 99) {
            return WARN_SETTING + " = " + warnPercent + " must be between 1 and 99";
        }
        if (blockPercent < 1 || blockPercent > 99) {
            return BLOCK_SETTING + " = " + blockPercent + " must be between 1 and 99";
        }
        if (warnPercent >= blockPercent) {
            return WARN_SETTING + " = " + warnPercent + " must be below " + BLOCK_SETTING + " = " + blockPercent
                    + ": recordings are deleted from warn on so that block, where recording stops, is rarely reached";
        }
        return null;
    }

    /**
     * The checked thresholds for a service's start-up.
     *
     * @throws IllegalStateException with the message of {@link #problem}
     */
    public static StorageThresholds checked(int warnPercent, int blockPercent) {
        String problem = problem(warnPercent, blockPercent);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return new StorageThresholds(warnPercent, blockPercent);
    }

    /** The state of a volume this full: at or above a threshold counts as reaching it. */
    public StorageState state(double usedPercent) {
        if (usedPercent >= blockPercent) {
            return StorageState.BLOCK;
        }
        if (usedPercent >= warnPercent) {
            return StorageState.WARN;
        }
        return StorageState.OK;
    }

    public StorageState state(VolumeUsage usage) {
        return state(usage.usedPercent());
    }
}
