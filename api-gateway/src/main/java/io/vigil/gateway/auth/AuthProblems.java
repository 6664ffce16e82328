package io.vigil.gateway.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 from the REST endpoints as problem+json, with {@code WWW-Authenticate} on 401. */
public class AuthProblems {

    static final Problem UNAUTHORIZED = Problem.of(ProblemType.UNAUTHORIZED,
            "log in, or send an API key or a JWT as Authorization: Bearer", null, null);
    /** The same, written by hand where no JSON mapper runs (the path policies' challenge). */
    static final String UNAUTHORIZED_JSON = "{\"type\":\"" + UNAUTHORIZED.type() + "\",\"title\":\"" + UNAUTHORIZED.title()
            + "\",\"status\":401,\"detail\":\"" + UNAUTHORIZED.detail() + "\"}";
    static final Problem FORBIDDEN = Problem.of(ProblemType.FORBIDDEN, "your role does not allow this", null, null);

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> failed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e) {
        return RestResponse.ResponseBuilder.<Problem>create(403).entity(FORBIDDEN).type(Problem.MEDIA_TYPE).build();
    }

    private static RestResponse<Problem> unauthorized() {
        return RestResponse.ResponseBuilder.<Problem>create(401).entity(UNAUTHORIZED).type(Problem.MEDIA_TYPE)
                .header(HttpHeaderNames.WWW_AUTHENTICATE.toString(), VigilAuthMechanism.CHALLENGE).build();
    }
}
