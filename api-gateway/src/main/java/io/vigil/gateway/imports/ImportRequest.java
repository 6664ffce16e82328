package io.vigil.gateway.imports;

import io.vigil.contracts.CameraUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The JSON body of POST /api/imports, as sent; {@link ImportValidator} checks it. */
@Schema(name = "ImportRequest")
public record ImportRequest(
        @Schema(required = true, description = "a VOD source: http(s)://…m3u8 with EXT-X-ENDLIST, or http(s)://…mp4; may carry user:password",
                example = "https://media.example.com/2025-06-01/lobby.m3u8") String url,
        @Schema(description = "the camera id the recordings are filed under ([a-z0-9-]{1,63}); default: import-<first 8 characters of the import id>",
                example = "lobby") String cameraId,
        @Schema(description = "ISO-8601 wall-clock time of the media's first frame; default: the playlist's "
                + "EXT-X-PROGRAM-DATE-TIME, else when the import starts", example = "2025-06-01T08:00:00Z") String start,
        @Schema(description = "HTTP headers for the source (Authorization, Cookie...); never stored or returned, only their names")
        Map<String, String> headers,
        @Schema(description = "of a master playlist: the variant to copy, by URI or RESOLUTION; default: the highest bandwidth")
        String variant) {

    @Override
    public String toString() {
        return "ImportRequest[url=" + CameraUrls.redact(url) + ", cameraId=" + cameraId + "]";
    }
}
