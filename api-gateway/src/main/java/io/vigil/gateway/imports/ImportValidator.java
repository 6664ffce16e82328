package io.vigil.gateway.imports;

import io.vigil.contracts.CameraConfig;
import io.vigil.gateway.camera.CameraValidator;
import io.vigil.gateway.camera.SourceHeaders;
import io.vigil.gateway.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Turns a POST body into an {@link ImportSpec} or a 400 naming the field at fault; messages never repeat the URL. */
final class ImportValidator {

    private ImportValidator() {
    }

    static ImportSpec validate(ImportRequest request, UUID id) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with the import's url is required");
        }
        String url = CameraValidator.url(request.url());
        if (!url.toLowerCase(Locale.ROOT).startsWith("http")) {
            throw ProblemException.invalid("url", "an import reads an HLS VOD playlist (…m3u8) or an MP4 file (…mp4) over http or https; "
                    + "an RTSP camera is added with POST /api/cameras");
        }
        String path = URI.create(url).getPath().toLowerCase(Locale.ROOT);
        String kind = path.endsWith(".m3u8") ? "hls" : "mp4";
        String cameraId = request.cameraId() == null ? "import-" + id.toString().substring(0, 8) : request.cameraId();
        if (!CameraConfig.isValidId(cameraId)) {
            throw ProblemException.invalid("cameraId", "cameraId must be 1 to 63 characters of a-z, 0-9 and '-'");
        }
        String variant = request.variant() == null || request.variant().isBlank() ? null : request.variant().strip();
        if (variant != null && variant.length() > 200) {
            throw ProblemException.invalid("variant", "variant must be at most 200 characters");
        }
        return new ImportSpec(url, kind, cameraId, start(request.start()), SourceHeaders.validate(request.headers(), url), variant);
    }

    private static Instant start(String start) {
        if (start == null || start.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(start.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("start", "start must be an ISO-8601 time with offset, e.g. 2025-06-01T08:00:00Z");
        }
    }
}
