package io.vigil.gateway.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.vigil.gateway.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * The one way in: {@code Authorization: Bearer <API key | session token | JWT>}, else the
 * {@value #COOKIE} cookie (browsers: a {@code <video>} or a download link cannot send a header).
 * Nothing presented: anonymous, which only /q/health, the login and the UI's static files accept.
 */
@ApplicationScoped
public class VigilAuthMechanism implements HttpAuthenticationMechanism {

    public static final String COOKIE = "vigil_session";
    static final String CHALLENGE = "Bearer realm=\"vigil\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Credential credential = credential(context);
        return credential == null ? Uni.createFrom().optional(java.util.Optional.empty())
                : identities.authenticate(credential);
    }

    /** The credential of the request, or null when it brings none. */
    static Credential credential(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                return Credential.bearer(token);
            }
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie != null && cookie.getValue().startsWith(SecretTokens.SESSION_PREFIX)) {
            return new Credential(Credential.Kind.SESSION, cookie.getValue());
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    /**
     * The path policies' 401 (/q/metrics, /q/openapi) with the problem+json body the REST endpoints give:
     * Quarkus ends the response after this, so the body is written, not ended, here.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().headWritten()) {
            Buffer body = Buffer.buffer(AuthProblems.UNAUTHORIZED_JSON);
            context.response().setStatusCode(401)
                    .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length()))
                    .write(body);
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Credential.class);
    }
}
