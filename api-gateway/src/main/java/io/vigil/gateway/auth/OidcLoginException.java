package io.vigil.gateway.auth;

/**
 * Why an OIDC login did not end in a session: the kind goes back to the login page as a code (never
 * words from the URL, which anyone could write into a link), the message to the gateway's log.
 */
class OidcLoginException extends RuntimeException {

    enum Kind {
        /** No login of this browser is in progress, or its state does not match (expired, replayed, forged). */
        NO_LOGIN,
        /** The provider said no: the user cancelled, or it refused the code. */
        REFUSED,
        /** The provider's ID token failed verification. */
        INVALID_TOKEN,
        /** Verified, but the token names no Vigil role. */
        NO_ROLE,
        /** The provider cannot be reached or its discovery document is wrong. */
        UNREACHABLE
    }

    private final Kind kind;

    OidcLoginException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** What {@code /?login_error=} carries: no_login, refused, invalid_token, no_role or unreachable. */
    String code() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
