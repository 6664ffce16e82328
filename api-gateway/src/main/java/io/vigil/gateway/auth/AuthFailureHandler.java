package io.vigil.gateway.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vigil.gateway.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** 401 and 403 of the path policies (/q/metrics, /q/openapi) as problem+json, as the REST endpoints answer them. */
@ApplicationScoped
class AuthFailureHandler {

    private final ObjectMapper json;

    AuthFailureHandler(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void failure(RoutingContext context) {
        Throwable failure = context.failure();
        Problem problem = failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                ? AuthProblems.UNAUTHORIZED
                : failure instanceof ForbiddenException || (failure == null && context.statusCode() == 403) ? AuthProblems.FORBIDDEN : null;
        if (problem == null || context.response().headWritten()) {
            context.next();
            return;
        }
        if (problem == AuthProblems.UNAUTHORIZED) {
            context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, VigilAuthMechanism.CHALLENGE);
        }
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
