package io.vigil.ingest.status;

import io.vigil.contracts.SourceStop;

/**
 * Why a camera is offline, as the {@code errorCode} of its status, and the coarser source-session
 * {@code errorId} of the same failure (failure, timeout, forbidden, not_found, drm_protected).
 */
public enum FailureKind {
    /** Nothing listens at the camera's address and port. */
    REFUSED("refused", SourceStop.FAILURE),
    /** The camera answered 404: wrong path. */
    NOT_FOUND("not_found", SourceStop.NOT_FOUND),
    /** The camera answered 401 or 403: wrong or missing credentials. */
    UNAUTHORIZED("unauthorized", SourceStop.FORBIDDEN),
    /** The camera did not answer in time. */
    TIMEOUT("timeout", SourceStop.TIMEOUT),
    /** The stream was open but delivered no video for the silence timeout. */
    SILENT("silent", SourceStop.TIMEOUT),
    /** The playlist or its segments use a DRM scheme: refused, never retried into a recording. */
    DRM_PROTECTED("drm_protected", SourceStop.DRM_PROTECTED),
    /** Anything else: the stream ended, bad data, an unsupported codec, Kafka refusing media. */
    FAILURE("failure", SourceStop.FAILURE);

    private final String code;
    private final String errorId;

    FailureKind(String code, String errorId) {
        this.code = code;
        this.errorId = errorId;
    }

    public String code() {
        return code;
    }

    /** The source-session error id (docs/sources.md). */
    public String errorId() {
        return errorId;
    }
}
