package io.vigil.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose body is larger than {@code quarkus.http.limits.max-body-size} as problem+json
 * (413). A declared body is refused from its headers, before any of it is read; a client that sends
 * {@code Expect: 100-continue} gets the answer without sending the body at all. A chunked body (no
 * Content-Length) is read here, counted, and refused the moment it passes the limit; one within the limit
 * is handed to the REST layer whole ({@link BufferedBody}). Without this the HTTP server answers both with
 * a bare 413 of its own.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final ObjectMapper json;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max, ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) throws JsonProcessingException {
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "the request body may be at most " + maxBytes + " bytes", null, null);
        String body = json.writeValueAsString(problem);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            if (declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBytes) {
                refuse(context, problem, body);
            } else if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                readChunked(context, problem, body);
            } else {
                context.next();
            }
        });
    }

    /** Reads a body of unknown length up to the limit; past it, refuses the request at once. */
    private void readChunked(RoutingContext context, Problem problem, String answer) {
        HttpServerRequest request = context.request();
        Buffer received = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (received.length() + (long) chunk.length() > maxBytes) {
                refused[0] = true;
                refuse(context, problem, answer);
                return;
            }
            received.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                BufferedBody.keep(context, received.getBytes());
                context.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
    }

    private static void refuse(RoutingContext context, Problem problem, String body) {
        // the unread body cannot be skipped reliably: the connection ends with this answer
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> context.request().connection().close());
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // a malformed length is the HTTP server's to refuse
            return -1;
        }
    }
}
