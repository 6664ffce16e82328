package io.vigil.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The {@value VigilAuthMechanism#COOKIE} cookie: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Secure unless turned off for plain HTTP on a LAN.
 */
@ApplicationScoped
class SessionCookies {

    private final AuthConfig config;

    SessionCookies(AuthConfig config) {
        this.config = config;
    }

    NewCookie of(Sessions.Started session) {
        return cookie(session.token(), (int) config.session().lifetime().toSeconds());
    }

    NewCookie cleared() {
        return cookie("", 0);
    }

    /**
     * The pending OIDC login's cookie: SameSite=Lax, since the provider's redirect back is a navigation
     * from another site; only sent to the callback's path.
     */
    NewCookie pending(OidcPending pending, int maxAgeSeconds) {
        return new NewCookie.Builder(OidcPending.COOKIE)
                .value(pending == null ? "" : pending.cookieValue())
                .path(OidcLoginResource.PATH)
                .httpOnly(true)
                .secure(config.session().secureCookie())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(pending == null ? 0 : maxAgeSeconds)
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(VigilAuthMechanism.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.session().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
