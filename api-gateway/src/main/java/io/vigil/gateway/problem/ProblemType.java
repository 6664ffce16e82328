package io.vigil.gateway.problem;

/** The kinds of error the API answers with; the slug makes the problem's {@code type} URI. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    CONFLICT("conflict", 409, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "Range not satisfiable"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    INSUFFICIENT_STORAGE("insufficient-storage", 507, "Insufficient storage"),
    UNAVAILABLE("unavailable", 503, "Service unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:vigil:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
