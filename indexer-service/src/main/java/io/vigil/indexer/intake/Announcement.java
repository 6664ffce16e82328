package io.vigil.indexer.intake;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.RecordingClosed;
import io.vigil.indexer.catalog.SessionOrigin;
import io.vigil.indexer.indexing.RecordingFacts;

/**
 * A "recording closed" event checked against its contract: which file, and what the recorder
 * knew about it.
 *
 * @param path relative to the recordings root, not yet resolved
 */
record Announcement(String path, RecordingFacts facts) {

    /** Reads an event's JSON value; throws {@link MalformedRecordException} naming what is wrong. */
    static Announcement read(byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("no value (a tombstone has no meaning on this topic)");
        }
        RecordingClosed event = ContractJson.read(value, RecordingClosed.class);
        if (!CameraConfig.isValidId(event.cameraId())) {
            throw new MalformedRecordException("cameraId '" + event.cameraId() + "' is not a camera id");
        }
        if (event.path() == null || !event.path().startsWith(event.cameraId() + "/")) {
            throw new MalformedRecordException("path '" + event.path() + "' is not in camera " + event.cameraId() + "'s folder");
        }
        if (event.start() == null) {
            throw new MalformedRecordException("no start");
        }
        if (event.sessionId() != null && event.sessionId().length() > 64) {
            throw new MalformedRecordException("sessionId is longer than 64 characters");
        }
        if (event.eventId() != null && event.eventId().length() > 64) {
            throw new MalformedRecordException("eventId is longer than 64 characters");
        }
        if (event.instance() != null && event.instance().length() > 255) {
            throw new MalformedRecordException("instance is longer than 255 characters");
        }
        if (event.previousFailure() != null && event.previousFailure().length() > 16) {
            throw new MalformedRecordException("previousFailure is longer than 16 characters");
        }
        return new Announcement(event.path(), new RecordingFacts(event.cameraId(), event.start(), event.sessionId(),
                event.firstSequence(), event.lastSequence(), event.pieceCount(), event.codec(), event.reason(), event.eventId(),
                new SessionOrigin(event.sessionCause(), event.previousFailure(), event.instance())));
    }
}
