package io.vigil.gateway.auth;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer, UI and API alike. The CSP fits the bundled UI: scripts, styles, media and
 * calls from this origin only (no CDN), blob: for hls.js's worker and MediaSource, never framed.
 * Swagger UI (/q/swagger-ui) needs inline script and style, so it alone gets those.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::headers);
    }

    private void headers(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", context.normalizedPath().startsWith("/q/swagger-ui") ? SWAGGER_CSP : CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        context.next();
    }
}
