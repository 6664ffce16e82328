package io.vigil.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a request presented: an API key, a session token (cookie or bearer) or a JWT. */
final class Credential extends BaseAuthenticationRequest {

    enum Kind { KEY, SESSION, JWT }

    private final Kind kind;
    private final String token;

    Credential(Kind kind, String token) {
        this.kind = kind;
        this.token = token;
    }

    Kind kind() {
        return kind;
    }

    String token() {
        return token;
    }

    /** The kind told by the token's prefix; anything else on a Bearer is taken for a JWT. */
    static Credential bearer(String token) {
        if (token.startsWith(SecretTokens.KEY_PREFIX)) {
            return new Credential(Kind.KEY, token);
        }
        if (token.startsWith(SecretTokens.SESSION_PREFIX)) {
            return new Credential(Kind.SESSION, token);
        }
        return new Credential(Kind.JWT, token);
    }
}
