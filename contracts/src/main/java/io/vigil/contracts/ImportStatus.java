package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * An import's status event, value of the compacted {@link Topics#IMPORT_STATUS} keyed by import id,
 * published by the ingest instance running it: {@code started}, then {@code progress} about every
 * second, then {@code stopped} with a {@link SourceStop reason}. The latest one is the import's state.
 *
 * @param kind            hls or mp4
 * @param percent         of the media's duration copied, 0..100; null while the duration is unknown
 * @param bytes           media bytes copied into recordings so far
 * @param bytesPerSecond  copy speed over the whole import so far
 * @param etaSeconds      time left at that speed; null while unknown, 0 once stopped
 * @param mediaSeconds    media time copied
 * @param durationSeconds the media's duration; null while unknown
 * @param segmentsSkipped HLS segments given up after their retries (each a catalogued gap)
 * @param mediaStart      wall-clock time of the first frame copied
 * @param mediaEnd        wall-clock time where the media copied so far ends
 * @param reason          for stopped: complete, error or user
 * @param error           for reason error: failure, timeout, forbidden, not_found, drm_protected
 * @param message         human-readable, credentials redacted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportStatus(int v, String importId, String cameraId, Event event, String kind, Double percent,
                           long bytes, double bytesPerSecond, Double etaSeconds, double mediaSeconds,
                           Double durationSeconds, int segmentsSkipped, Instant mediaStart, Instant mediaEnd,
                           String reason, String error, String message, String instance, Instant startedAt,
                           Instant updatedAt) {

    public static final int VERSION = 1;

    public enum Event {
        @JsonProperty("started") STARTED,
        @JsonProperty("progress") PROGRESS,
        @JsonProperty("stopped") STOPPED
    }
}
