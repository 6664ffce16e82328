package io.vigil.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * An OIDC login this browser started: kept in its own short-lived cookie, not on the server, so the
 * provider may send the browser back to any gateway replica. The state ties the callback to this browser
 * (no login CSRF), the nonce ties the ID token to this login, the verifier is PKCE's secret half.
 *
 * @param returnTo where the UI was (a path of this gateway, e.g. {@code /#/cameras/door})
 */
record OidcPending(String state, String nonce, String verifier, String redirectUri, String returnTo) {

    static final String COOKIE = "vigil_oidc";

    static OidcPending start(String redirectUri, String returnTo) {
        return new OidcPending(SecretTokens.random(32), SecretTokens.random(32), SecretTokens.random(32), redirectUri,
                localPath(returnTo));
    }

    /** Only a path of this gateway: never another site (no open redirect). */
    static String localPath(String path) {
        if (path == null || path.length() > 1000 || !path.startsWith("/") || path.startsWith("//")
                || path.startsWith("/\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            // what the callback's Location will carry
            java.net.URI.create(path);
            return path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    String cookieValue() {
        return String.join(".", state, nonce, verifier, base64(redirectUri), base64(returnTo));
    }

    /** The login the cookie holds, or null when it holds none that this gateway made. */
    static OidcPending of(String cookie) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            return new OidcPending(parts[0], parts[1], parts[2], unbase64(parts[3]), localPath(unbase64(parts[4])));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The state the provider sent back is this login's (compared in constant time). */
    boolean matches(String returnedState) {
        return returnedState != null && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
                returnedState.getBytes(StandardCharsets.US_ASCII));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
