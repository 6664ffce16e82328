package io.vigil.ingest.status;

/** Why a camera is offline, as the {@code errorCode} of its status. */
public enum FailureKind {
    /** Nothing listens at the camera's address and port. */
    REFUSED("refused"),
    /** The camera answered 404: wrong path. */
    NOT_FOUND("not_found"),
    /** The camera answered 401 or 403: wrong or missing credentials. */
    UNAUTHORIZED("unauthorized"),
    /** The camera did not answer in time. */
    TIMEOUT("timeout"),
    /** The stream was open but delivered no video for the silence timeout. */
    SILENT("silent"),
    /** Anything else: the stream ended, bad data, an unsupported codec, Kafka refusing media. */
    FAILURE("failure");

    private final String code;

    FailureKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
