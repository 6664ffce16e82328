package io.vigil.gateway.auth;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Local users log in here: a session token in an HttpOnly, SameSite=Strict cookie (what the UI, its
 * {@code <video>} and its download links send), throttled per user name and per client address.
 * Users of an OIDC provider log in through {@link OidcLoginResource} and get the same cookie.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
@Blocking
public class LoginResource {

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final SessionCookies cookies;
    private final OidcProvider oidc;
    private final Event<LoginAttempted> attempts;
    private final SecurityIdentity identity;

    LoginResource(Users users, Sessions sessions, LoginThrottle throttle, SessionCookies cookies, OidcProvider oidc,
                  Event<LoginAttempted> attempts, SecurityIdentity identity) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.cookies = cookies;
        this.oidc = oidc;
        this.attempts = attempts;
        this.identity = identity;
    }

    @GET
    @Path("methods")
    @PermitAll
    @Operation(summary = "How one may log in: always the password form; an OIDC provider where one is configured")
    public LoginMethods methods() {
        return new LoginMethods(true, oidc.enabled()
                ? new LoginMethods.Oidc(oidc.displayName(), OidcLoginResource.PATH + "/login") : null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in a local user: sets the vigil_session cookie")
    @APIResponse(responseCode = "200", description = "logged in", content = @Content(schema = @Schema(implementation = WhoAmI.class)))
    @APIResponse(responseCode = "401", description = "wrong user name or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "too many failed logins of this user or from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WhoAmI> login(LoginRequest request, @Context HttpServerRequest http) {
        if (request == null || request.username() == null || request.username().isBlank() || request.password() == null) {
            throw ProblemException.invalid(request == null || request.username() == null ? "username" : "password",
                    "username and password are required");
        }
        String username = request.username().length() > 64 ? request.username().substring(0, 64) : request.username();
        String address = ClientAddress.of(http);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Duration> refusal = throttle.refusal(username, address, now);
        if (refusal.isPresent()) {
            attempts.fire(new LoginAttempted(username, false, address, now));
            long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "too many failed logins: try again in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        Optional<Users.StoredUser> user = users.authenticate(username, request.password());
        throttle.record(username, address, user.isPresent(), now);
        attempts.fire(new LoginAttempted(username, user.isPresent(), address, now));
        if (user.isEmpty()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "wrong user name or password");
        }
        Sessions.Started session = sessions.start(user.get().view().id());
        Grant grant = user.get().grant();
        return RestResponse.ResponseBuilder.ok(new WhoAmI(grant.principal(), grant.via(), grant.role().granted(),
                        grant.cameras(), session.expiresAt()))
                .cookie(cookies.of(session))
                .build();
    }

    @POST
    @Path("logout")
    @PermitAll
    @Operation(summary = "End the session of the cookie (or bearer session token) sent; clears the cookie")
    @APIResponse(responseCode = "204", description = "logged out (also when there was no session)")
    public RestResponse<Void> logout(@Context io.vertx.ext.web.RoutingContext context) {
        Credential credential = VigilAuthMechanism.credential(context);
        if (credential != null && credential.kind() == Credential.Kind.SESSION) {
            sessions.end(credential.token());
        }
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(cookies.cleared()).build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(summary = "Who the caller is: name, how authenticated, roles and cameras")
    public WhoAmI me() {
        Set<String> cameras = identity.getAttribute(CameraScope.ATTRIBUTE);
        return new WhoAmI(identity.getPrincipal().getName(), identity.getAttribute(VigilIdentityProvider.VIA),
                identity.getRoles(), cameras, null);
    }
}
