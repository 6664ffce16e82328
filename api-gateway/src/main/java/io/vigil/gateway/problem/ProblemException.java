package io.vigil.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown anywhere a request cannot be served; {@link ProblemMappers} turns it into a problem answer.
 * The detail goes to the client as it is: never put a camera URL or any other secret in it.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String field;
    private final Integer code;
    private final String eventId;
    private final Map<String, String> headers;

    private ProblemException(ProblemType type, String detail, String field, Integer code, String eventId,
                             Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.field = field;
        this.code = code;
        this.eventId = eventId;
        this.headers = headers;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null, null, Map.of());
    }

    /** A 400 naming the request field or parameter at fault. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, field, null, null, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail);
    }

    /** The same problem carrying a Vigil error code (negative by convention). */
    public ProblemException withCode(int code) {
        return new ProblemException(type, getMessage(), field, code, eventId, headers);
    }

    /** The same problem naming the event it is about (an extra top-level {@code eventId}). */
    public ProblemException withEventId(String eventId) {
        return new ProblemException(type, getMessage(), field, code, eventId, headers);
    }

    /** The same problem answered with one more response header. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(type, getMessage(), field, code, eventId, Map.copyOf(more));
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage(), field, code, eventId);
    }
}
