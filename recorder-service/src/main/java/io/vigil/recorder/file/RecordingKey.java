package io.vigil.recorder.file;

import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;

/**
 * Which recording a piece belongs to: every continuous piece to the camera's one continuous
 * recording (whatever event it falls in), every other piece to its event's. A file holds pieces of
 * one key only, so a file of an event shows that event and nothing else.
 *
 * @param eventId null for the continuous recording
 */
public record RecordingKey(boolean continuous, String eventId) {

    public static final RecordingKey CONTINUOUS = new RecordingKey(true, null);

    public static RecordingKey of(PieceHeader header) {
        return of(header.reason(), header.eventId());
    }

    /** In mode continuous the pieces inside an event carry its id too; that does not make them the event's recording. */
    public static RecordingKey of(RecordingReason reason, String eventId) {
        return reason == null || reason == RecordingReason.CONTINUOUS ? CONTINUOUS : new RecordingKey(false, eventId);
    }
}
