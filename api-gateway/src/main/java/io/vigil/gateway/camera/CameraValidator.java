package io.vigil.gateway.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.gateway.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a request body into a {@link CameraSpec} or a 400 naming the first field at fault.
 * Messages never repeat the URL: it may hold a password.
 */
public final class CameraValidator {

    static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_VARIANT_LENGTH = 200;
    static final int MAX_RETENTION_DAYS = 3650;
    /** Less than this is a few minutes of one camera: surely a unit mistake (MB for bytes). */
    static final long MIN_RETENTION_BYTES = 100L * 1024 * 1024;

    private CameraValidator() {
    }

    /** For POST: the id comes from the body. */
    public static CameraSpec forCreate(CameraRequest request) {
        requireBody(request);
        return validate(request.id(), request);
    }

    /** For PUT: the id comes from the path; the body may repeat it but not change it. */
    public static CameraSpec forUpdate(String pathId, CameraRequest request) {
        requireBody(request);
        if (request.id() != null && !request.id().equals(pathId)) {
            throw ProblemException.invalid("id", "id cannot change: it must match the camera in the path");
        }
        return validate(pathId, request);
    }

    private static void requireBody(CameraRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON body with the camera is required");
        }
    }

    private static CameraSpec validate(String id, CameraRequest request) {
        if (id == null) {
            throw ProblemException.invalid("id", "id is required");
        }
        if (!CameraConfig.isValidId(id)) {
            throw ProblemException.invalid("id", "id must be 1 to 63 characters of a-z, 0-9 and '-'");
        }
        return new CameraSpec(id, name(id, request.name()), url(request.url()), mode(request.mode()),
                seconds("rotationSeconds", request.rotationSeconds(), CameraConfig.MIN_ROTATION_SECONDS,
                        CameraConfig.MAX_ROTATION_SECONDS, CameraConfig.DEFAULT_ROTATION_SECONDS),
                seconds("preRollSeconds", request.preRollSeconds(), 0,
                        CameraConfig.MAX_PRE_ROLL_SECONDS, CameraConfig.DEFAULT_PRE_ROLL_SECONDS),
                seconds("postRollSeconds", request.postRollSeconds(), 0,
                        CameraConfig.MAX_POST_ROLL_SECONDS, CameraConfig.DEFAULT_POST_ROLL_SECONDS),
                seconds("maxEventSeconds", request.maxEventSeconds(), CameraConfig.MIN_MAX_EVENT_SECONDS,
                        CameraConfig.MAX_MAX_EVENT_SECONDS, CameraConfig.DEFAULT_MAX_EVENT_SECONDS),
                MotionValidator.motion(request.motion()),
                seconds("retentionDays", request.retentionDays(), 1, MAX_RETENTION_DAYS, CameraSpec.DEFAULT_RETENTION_DAYS),
                retentionBytes(request.retentionBytes()),
                SourceHeaders.validate(request.headers(), request.url()), variant(request.variant()));
    }

    private static String variant(String variant) {
        if (variant == null || variant.isBlank()) {
            return null;
        }
        if (variant.length() > MAX_VARIANT_LENGTH) {
            throw ProblemException.invalid("variant", "variant must be at most " + MAX_VARIANT_LENGTH + " characters");
        }
        return variant.strip();
    }

    private static Long retentionBytes(Long bytes) {
        if (bytes != null && bytes < MIN_RETENTION_BYTES) {
            throw ProblemException.invalid("retentionBytes", "retentionBytes must be null (no cap) or at least "
                    + MIN_RETENTION_BYTES + " (100 MiB)");
        }
        return bytes;
    }

    private static String name(String id, String name) {
        if (name == null) {
            return id;
        }
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw ProblemException.invalid("name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Checks a source URL: for a camera, an import's too (which a live playlist is not, but that shows only when it is read). */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("url", "url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ProblemException.invalid("url", "url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // e.getMessage() quotes the input: keep it out of the answer
            throw ProblemException.invalid("url", "url is not a valid URI (at character " + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw ProblemException.invalid("url", "url scheme must be one of rtsp, rtsps, http, https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ProblemException.invalid("url", "url must name a host (user:password@host:port)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("http") && !path.endsWith(".m3u8") && !path.endsWith(".mp4")) {
            throw ProblemException.invalid("url", "an http or https url must name an HLS playlist (…m3u8) or an MP4 file (…mp4)");
        }
        return url;
    }

    private static CameraMode mode(String mode) {
        if (mode == null) {
            return CameraMode.CONTINUOUS;
        }
        try {
            return CameraMode.fromWire(mode);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode", "mode must be one of off, continuous, events");
        }
    }

    private static int seconds(String field, Integer seconds, int min, int max, int fallback) {
        if (seconds == null) {
            return fallback;
        }
        if (seconds < min || seconds > max) {
            throw ProblemException.invalid(field, field + " must be between " + min + " and " + max);
        }
        return seconds;
    }
}
