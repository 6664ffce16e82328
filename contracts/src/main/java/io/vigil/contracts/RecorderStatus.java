package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The file a recorder is writing for a camera, value of the compacted {@link Topics#RECORDER_STATUS}
 * keyed by camera id: published when a file opens and when it closes ({@code file} null).
 *
 * @param file      relative path of the open file, null when none is open
 * @param fileStart wall-clock start of the open file's first piece
 * @param eventId   the event the open file records, null for continuous recording
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecorderStatus(int v, String cameraId, String instance, String file, Instant fileStart, String eventId,
                             Instant updatedAt) {

    public static final int VERSION = 1;
}
