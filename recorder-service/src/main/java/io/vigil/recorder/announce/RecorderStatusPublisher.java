package io.vigil.recorder.announce;

import java.time.Instant;

/**
 * Tells the other services which file a camera is being recorded to (for the live status). Best
 * effort: implementations return at once, never throw, and never wait for Kafka, because a status
 * that did not get through must not hold up or fail recording.
 */
public interface RecorderStatusPublisher {

    /** For tests and tools that do not publish a status. */
    RecorderStatusPublisher NONE = new RecorderStatusPublisher() {
        @Override
        public void fileOpened(String cameraId, String file, Instant fileStart, String eventId) {
        }

        @Override
        public void noFile(String cameraId) {
        }
    };

    /**
     * @param file      relative path of the file the camera's pieces now go to
     * @param fileStart wall-clock start of its first piece
     * @param eventId   the event it records, null for continuous recording
     */
    void fileOpened(String cameraId, String file, Instant fileStart, String eventId);

    /** The camera's file was closed (or let go) and no other is open here. */
    void noFile(String cameraId);
}
