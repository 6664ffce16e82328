package io.vigil.gateway.auth;

/** Why an OIDC login did not end in a session, in words the login page shows the user. */
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
}
