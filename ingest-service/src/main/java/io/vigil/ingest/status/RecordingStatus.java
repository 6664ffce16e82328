package io.vigil.ingest.status;

import io.vigil.contracts.PreRollStats;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.RecordingState;

import java.time.Instant;

/**
 * Where a camera's recording stands, as its status shows it: the state machine's state, the running
 * event (null fields when none) and what the pre-roll buffer holds.
 *
 * @param recording pieces are being published for recording (RECORDING or FINALIZING)
 */
public record RecordingStatus(RecordingState state, boolean recording, String eventId, RecordingReason eventReason,
                              Instant eventStartedAt, PreRollStats preRoll) {

    public static final RecordingStatus IDLE = new RecordingStatus(RecordingState.IDLE, false, null, null, null, PreRollStats.EMPTY);
}
