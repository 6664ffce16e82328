package io.vigil.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every failure leaves as problem+json. Bad input is always a 4xx naming what is wrong, never
 * echoing the input itself: a misplaced camera URL could carry a password.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        RestResponse.ResponseBuilder<Problem> answer = answer(e.toProblem());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    /** Jackson reports type mismatches (a string where a number belongs) itself; this replaces Quarkus' own answer. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatch(MismatchedInputException e) {
        return answer(bodyProblem(e)).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mapping(JsonMappingException e) {
        return answer(bodyProblem(e)).build();
    }

    /** Quarkus REST wraps syntax errors of the body in a 400. */
    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(bodyProblem(json)).build();
        }
        Response response = e.getResponse();
        int status = response.getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "HTTP " + status;
        String detail = status == 404 ? "no such resource" : e.getMessage();
        return answer(new Problem("about:blank", title, status, detail, null, null, null)).build();
    }

    /** A bug or an outage, not the client's fault: the details go to the log only. */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e) {
        LOG.error("request failed unexpectedly", e);
        return answer(Problem.of(ProblemType.INTERNAL, "the request failed; see the gateway log", null, null)).build();
    }

    /** Names the field at fault, never its value. */
    private static Problem bodyProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            if (mapping.getPath().isEmpty()) {
                return Problem.of(ProblemType.INVALID_REQUEST, "the request body must be a JSON object", null, null);
            }
            String field = field(mapping.getPath());
            return Problem.of(ProblemType.INVALID_REQUEST, field + " has the wrong type", field, null);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problem.of(ProblemType.INVALID_REQUEST, "the request body is not valid JSON" + where, null, null);
    }

    /** The JSON path as the validation errors name fields: {@code motion.masks[2].width}. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static RestResponse.ResponseBuilder<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }
}
