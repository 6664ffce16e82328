package io.vigil.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer in RFC 9457 form ({@code application/problem+json}).
 *
 * @param field the request field or parameter at fault, for validation errors
 * @param code    a negative Vigil error code, for errors that clients handle by number
 * @param eventId the event the error is about, e.g. the manual recording already running (-1006)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Integer code, String eventId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String field, Integer code) {
        return of(type, detail, field, code, null);
    }

    public static Problem of(ProblemType type, String detail, String field, Integer code, String eventId) {
        return new Problem(type.uri(), type.title(), type.status(), detail, field, code, eventId);
    }
}
