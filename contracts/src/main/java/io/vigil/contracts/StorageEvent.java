package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.vigil.contracts.storage.StorageState;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Something about the recordings volume's space, value of {@link Topics#STORAGE}. Three kinds:
 * <ul>
 *   <li>{@link #STATE_CHANGED} (indexer, key {@link #VOLUME_KEY}): the volume's state changed, with
 *       {@code state}, {@code previousState} and the usage;</li>
 *   <li>{@link #RETENTION_CUT_SHORT} (indexer, key {@link #VOLUME_KEY}): storage protection deleted
 *       {@code deletedRecordings} recordings of {@code cameras} before their retention was over;
 *       {@code oldestRemaining} is the start of the oldest recording left (null: none left);</li>
 *   <li>{@link #RECORDINGS_REFUSED} (recorder, key camera id): pieces of {@code cameraId} were
 *       acknowledged without being written because the volume is at block. Sent when a refusal
 *       begins ({@code ongoing} true) and when it ends (false), each time with the span
 *       {@code [from, to)} and the {@code pieces} refused so far.</li>
 * </ul>
 *
 * @param instance     the replica that saw it
 * @param usedPercent  the volume's used share (0..100) when it was seen
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StorageEvent(
        int v,
        String type,
        Instant time,
        String instance,
        StorageState state,
        StorageState previousState,
        Double usedPercent,
        Long totalBytes,
        Long usedBytes,
        Integer warnPercent,
        Integer blockPercent,
        Integer deletedRecordings,
        Long deletedBytes,
        List<String> cameras,
        Instant oldestRemaining,
        String cameraId,
        Instant from,
        Instant to,
        Long pieces,
        Boolean ongoing) {

    public static final int VERSION = 1;
    public static final String STATE_CHANGED = "state.changed";
    public static final String RETENTION_CUT_SHORT = "retention.cut-short";
    public static final String RECORDINGS_REFUSED = "recordings.refused";
    /** The key of the records about the whole volume. */
    public static final String VOLUME_KEY = "volume";
    private static final Set<String> TYPES = Set.of(STATE_CHANGED, RETENTION_CUT_SHORT, RECORDINGS_REFUSED);

    public static StorageEvent stateChanged(Instant time, String instance, StorageState state, StorageState previous,
                                            double usedPercent, long totalBytes, long usedBytes, int warnPercent, int blockPercent) {
        return new StorageEvent(VERSION, STATE_CHANGED, time, instance, state, previous, usedPercent, totalBytes, usedBytes,
                warnPercent, blockPercent, null, null, null, null, null, null, null, null, null);
    }

    public static StorageEvent retentionCutShort(Instant time, String instance, StorageState state, double usedPercent,
                                                 int warnPercent, int deleted, long deletedBytes, List<String> cameras,
                                                 Instant oldestRemaining) {
        return new StorageEvent(VERSION, RETENTION_CUT_SHORT, time, instance, state, null, usedPercent, null, null,
                warnPercent, null, deleted, deletedBytes, List.copyOf(cameras), oldestRemaining, null, null, null, null, null);
    }

    public static StorageEvent recordingsRefused(Instant time, String instance, double usedPercent, int blockPercent,
                                                 String cameraId, Instant from, Instant to, long pieces, boolean ongoing) {
        return new StorageEvent(VERSION, RECORDINGS_REFUSED, time, instance, StorageState.BLOCK, null, usedPercent, null, null,
                null, blockPercent, null, null, null, null, cameraId, from, to, pieces, ongoing);
    }

    /** Why this record cannot be used, or null when it can. */
    public String problem() {
        if (type == null || !TYPES.contains(type)) {
            return "type must be one of " + STATE_CHANGED + ", " + RETENTION_CUT_SHORT + ", " + RECORDINGS_REFUSED;
        }
        if (time == null) {
            return "time is required";
        }
        if (RECORDINGS_REFUSED.equals(type)) {
            if (!CameraConfig.isValidId(cameraId)) {
                return "cameraId must match " + CameraConfig.ID.pattern();
            }
            if (from == null || to == null || !from.isBefore(to)) {
                return "from and to are required, from before to";
            }
        }
        return null;
    }
}
