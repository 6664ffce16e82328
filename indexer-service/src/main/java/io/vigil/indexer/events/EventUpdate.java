package io.vigil.indexer.events;

import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Region;

import java.time.Instant;

/**
 * What one {@code vigil.events} record tells about its event's row. Every kind of record can
 * create the row (a record may be the first the indexer sees of an event), and each one only
 * moves the row in one direction: the start earlier, the end and the recording end later, the peak
 * score higher, the label from absent to present. So applying records in any order, any number of
 * times, gives the same row.
 *
 * @param start        the record's time: an upper bound of the event's start (exact for event.started)
 * @param end          event.ended: the end of the event's last trigger; null otherwise
 * @param recordingEnd event.ended: where the event's recording ends, post-roll included; null otherwise
 * @param score        motion: the peak share of the picture that changed so far (0..1); null otherwise
 * @param box          the changed area at that peak, null without a score
 */
record EventUpdate(String type, String eventId, String cameraId, Instant start, Instant end, Instant recordingEnd,
                   RecordingReason reason, String label, Double score, Region box) {

    /** The event table's label column; the Trigger contract allows no longer label. */
    static final int MAX_LABEL_LENGTH = 200;

    /** Reads a record's JSON value; throws {@link MalformedRecordException} naming what is wrong. */
    static EventUpdate read(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("no value (a tombstone has no meaning on this topic)");
        }
        CameraEvent event = ContractJson.read(value, CameraEvent.class);
        String problem = event.problem();
        if (problem != null) {
            throw new MalformedRecordException(problem);
        }
        if (event.label() != null && event.label().length() > MAX_LABEL_LENGTH) {
            throw new MalformedRecordException("label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        Double score = event.score();
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new MalformedRecordException("score must be between 0 and 1");
        }
        Region box = score == null ? null : event.box();
        if (box != null && box.problem() != null) {
            throw new MalformedRecordException("box: " + box.problem());
        }
        boolean ended = CameraEvent.EVENT_ENDED.equals(event.type());
        return new EventUpdate(event.type(), event.eventId(), event.cameraId(), event.time(),
                ended ? event.time() : null, ended ? event.recordingEnd() : null,
                event.reason(), event.label(), score, box);
    }
}
