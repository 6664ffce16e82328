package io.vigil.gateway.auth;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The web UI's login through an OIDC provider: {@code login} sends the browser to the provider, which
 * sends it back to {@code callback} with a code; the code becomes a Vigil session (the same cookie a
 * local login gets). Both are browser navigations, so what goes wrong comes back to the login page as
 * {@code /?login_error=<code>}, not as JSON; the details go to the log.
 */
@Path(OidcLoginResource.PATH)
@Tag(name = "auth")
@Blocking
public class OidcLoginResource {

    static final String PATH = "/api/auth/oidc";
    static final String CALLBACK_PATH = PATH + "/callback";
    /** Time for the user to log in at the provider. */
    private static final int PENDING_SECONDS = 600;
    private static final Logger LOG = Logger.getLogger(OidcLoginResource.class);

    private final OidcProvider provider;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final Event<LoginAttempted> attempts;

    OidcLoginResource(OidcProvider provider, Sessions sessions, SessionCookies cookies, Event<LoginAttempted> attempts) {
        this.provider = provider;
        this.sessions = sessions;
        this.cookies = cookies;
        this.attempts = attempts;
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(summary = "Start a login at the OIDC provider (authorization code with PKCE): redirects the browser there")
    @APIResponse(responseCode = "302", description = "to the provider's login page")
    @APIResponse(responseCode = "303", description = "back to the login page with login_error: the provider cannot be reached")
    @APIResponse(responseCode = "404", description = "no OIDC provider is configured")
    public RestResponse<Void> login(@QueryParam("return") String returnTo, @Context HttpServerRequest http) {
        requireEnabled();
        OidcPending pending = OidcPending.start(provider.redirectUri(() -> origin(http)), returnTo);
        try {
            return RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.FOUND)
                    .location(provider.authorization(pending))
                    .cookie(cookies.pending(pending, PENDING_SECONDS))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (OidcLoginException e) {
            LOG.warnf("OIDC login cannot start: %s", e.getMessage());
            return backToLogin(e);
        }
    }

    @GET
    @Path("callback")
    @PermitAll
    @Operation(summary = "Where the OIDC provider sends the browser back: the code becomes a session (vigil_session cookie)")
    @APIResponse(responseCode = "303", description = "to where the UI was, logged in; or to the login page with login_error")
    @APIResponse(responseCode = "404", description = "no OIDC provider is configured")
    public RestResponse<Void> callback(@QueryParam("code") String code, @QueryParam("state") String state,
                                       @QueryParam("error") String error, @QueryParam("error_description") String description,
                                       @Context HttpServerRequest http) {
        requireEnabled();
        Cookie cookie = http.getCookie(OidcPending.COOKIE);
        OidcPending pending = cookie == null ? null : OidcPending.of(cookie.getValue());
        String address = ClientAddress.of(http);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            if (pending == null || !pending.matches(state)) {
                // not this browser's login (expired, replayed, or started elsewhere): nothing to record as a login
                throw new OidcLoginException(OidcLoginException.Kind.NO_LOGIN,
                        "this login was not started in this browser, or took over 10 minutes: log in again");
            }
            if (error != null) {
                throw new OidcLoginException(OidcLoginException.Kind.REFUSED, "the identity provider did not log the user in ("
                        + printable(error) + (description == null ? "" : ": " + printable(description)) + ")");
            }
            if (code == null || code.isBlank()) {
                throw new OidcLoginException(OidcLoginException.Kind.REFUSED, "the identity provider sent no login code");
            }
            Grant grant = provider.login(code, pending);
            if (grant.role() == null || grant.role() == Role.METRICS) {
                attempts.fire(new LoginAttempted(loginName(grant.principal()), false, address, now));
                throw new OidcLoginException(OidcLoginException.Kind.NO_ROLE, grant.principal()
                        + " has no Vigil role at the identity provider (viewer, operator or admin): ask an administrator");
            }
            Sessions.Started session = sessions.start(grant);
            attempts.fire(new LoginAttempted(loginName(grant.principal()), true, address, now));
            return RestResponse.ResponseBuilder.<Void>seeOther(URI.create(pending.returnTo()))
                    .cookie(cookies.of(session), cookies.pending(null, 0))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (OidcLoginException e) {
            if (e.kind() == OidcLoginException.Kind.REFUSED || e.kind() == OidcLoginException.Kind.INVALID_TOKEN) {
                attempts.fire(new LoginAttempted("oidc", false, address, now));
            }
            LOG.infof("OIDC login from %s failed: %s", address, e.getMessage());
            return backToLogin(e);
        }
    }

    private void requireEnabled() {
        if (!provider.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no OIDC provider is configured (vigil.auth.oidc.issuer)");
        }
    }

    /** The login page, showing why; the pending login's cookie is dropped either way. */
    private RestResponse<Void> backToLogin(OidcLoginException why) {
        return RestResponse.ResponseBuilder.<Void>seeOther(URI.create("/?login_error=" + why.code()))
                .cookie(cookies.pending(null, 0))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Text from the query, fit for one log line. */
    private static String printable(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** The login's name as the audit log's 64-character user column takes it. */
    private static String loginName(String principal) {
        return principal.length() > 64 ? principal.substring(0, 64) : principal;
    }

    /** scheme://host[:port] as the browser reached this gateway (forwarded, behind a proxy that says so). */
    private static String origin(HttpServerRequest http) {
        try {
            URI uri = URI.create(http.absoluteURI());
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                return uri.getScheme() + "://" + uri.getRawAuthority();
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // an odd Host header: no URL to send the provider back to
        }
        throw ProblemException.invalid("Host", "this gateway's URL cannot be told from the request: set vigil.auth.oidc.redirect-uri");
    }
}
