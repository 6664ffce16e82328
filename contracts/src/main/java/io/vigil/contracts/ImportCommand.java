package io.vigil.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Start or cancel an import, value of {@link Topics#IMPORTS} keyed by {@link #importId()}, published by
 * the gateway. The key puts both commands of an import in one partition, so the one ingest instance of
 * the group that started it also sees its cancel. {@link #url()} and {@link #headers()} may hold
 * credentials: never log them.
 *
 * @param cameraId the camera id the recordings are filed under
 * @param start    the wall-clock time of the media's first frame; null: the playlist's
 *                 EXT-X-PROGRAM-DATE-TIME, else when the import starts
 * @param variant  of a master playlist, the variant to copy (URI or RESOLUTION); null: the highest bandwidth
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportCommand(int v, Action action, String importId, String url, Map<String, String> headers,
                            String variant, String cameraId, Instant start, Instant issuedAt) {

    public static final int VERSION = 1;

    public enum Action {
        @JsonProperty("start") START,
        @JsonProperty("cancel") CANCEL
    }

    public ImportCommand {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ImportCommand cancel(String importId, Instant issuedAt) {
        return new ImportCommand(VERSION, Action.CANCEL, importId, null, Map.of(), null, null, null, issuedAt);
    }

    /** Why this command cannot be used, or null when it can. */
    public String problem() {
        if (action == null || importId == null || issuedAt == null) {
            return "action, importId and issuedAt are required";
        }
        try {
            UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            return "importId must be a UUID";
        }
        if (action == Action.START && (url == null || url.isBlank() || !CameraConfig.isValidId(cameraId))) {
            return "a start needs a url and a cameraId matching " + CameraConfig.ID.pattern();
        }
        return null;
    }

    @Override
    public String toString() {
        return "ImportCommand[" + action + " " + importId + ", url=" + CameraUrls.redact(url) + ", headers="
                + headers.keySet() + ", camera=" + cameraId + "]";
    }
}
