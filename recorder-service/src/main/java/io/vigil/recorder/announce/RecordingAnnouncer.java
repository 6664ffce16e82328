package io.vigil.recorder.announce;

import io.vigil.contracts.RecordingClosed;

/** Tells the other services that a recording file is finished. */
@FunctionalInterface
public interface RecordingAnnouncer {

    /**
     * Returns once the announcement is durably accepted.
     *
     * @throws AnnouncementFailedException if it was not; the file stays open and the close is tried again
     */
    void announce(RecordingClosed closed);
}
