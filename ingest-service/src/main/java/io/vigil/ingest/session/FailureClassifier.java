package io.vigil.ingest.session;

import io.vigil.ingest.status.FailureKind;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells why FFmpeg could not open a stream. JavaCV reports the AVERROR code only inside the
 * exception's message ("avformat_open_input() error -111: ..."), so the code is read from there.
 */
final class FailureClassifier {

    /** FFmpeg's FFERRTAG: a negated four-character tag; the HTTP ones are also used for RTSP replies. */
    static final int HTTP_UNAUTHORIZED = errorTag(0xF8, '4', '0', '1');
    static final int HTTP_FORBIDDEN = errorTag(0xF8, '4', '0', '3');
    static final int HTTP_NOT_FOUND = errorTag(0xF8, '4', '0', '4');
    /** AVERROR(errno) is the negated errno; these are Linux's numbers. */
    static final int ETIMEDOUT = -110;
    static final int ECONNREFUSED = -111;

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
    /** JavaCV's hints after a failed open ("(Has setFormat() been called?)") are about files and its own logging, not cameras. */
    private static final Pattern JAVACV_HINT = Pattern.compile("\\.?\\s*\\((?:Has setFormat|For more details).*$");

    private FailureClassifier() {
    }

    static FailureKind kind(int averror) {
        if (averror == ECONNREFUSED) {
            return FailureKind.REFUSED;
        } else if (averror == HTTP_NOT_FOUND) {
            return FailureKind.NOT_FOUND;
        } else if (averror == HTTP_UNAUTHORIZED || averror == HTTP_FORBIDDEN) {
            return FailureKind.UNAUTHORIZED;
        } else if (averror == ETIMEDOUT) {
            return FailureKind.TIMEOUT;
        }
        return FailureKind.FAILURE;
    }

    /** The failure of {@code FFmpegFrameGrabber.start()}, classified, its message redacted. */
    static StreamFailure openFailed(Exception error) {
        String message = JAVACV_HINT.matcher(String.valueOf(error.getMessage())).replaceAll("");
        OptionalInt code = averror(message);
        FailureKind kind = code.isPresent() ? kind(code.getAsInt()) : FailureKind.FAILURE;
        String reason = switch (kind) {
            case REFUSED -> "connection refused";
            case NOT_FOUND -> "stream not found (404)";
            case UNAUTHORIZED -> "access denied (401/403): check the camera's user name and password";
            case TIMEOUT -> "the camera did not answer in time";
            default -> "cannot open the stream";
        };
        return new StreamFailure(kind, reason + ": " + message, error);
    }

    static OptionalInt averror(String message) {
        Matcher matcher = ERROR_CODE.matcher(message);
        if (!matcher.find()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static int errorTag(int a, int b, int c, int d) {
        return -(a | b << 8 | c << 16 | d << 24);
    }
}
