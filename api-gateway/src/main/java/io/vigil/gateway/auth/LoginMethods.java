package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the login page offers. */
@Schema(name = "LoginMethods")
public record LoginMethods(@Schema(description = "local users' user name and password (POST /api/auth/login)") boolean password,
                           @Schema(nullable = true, description = "null: no OIDC provider is configured") Oidc oidc) {

    /** @param login the path the browser opens to start the login (GET, then the provider's page) */
    public record Oidc(String name, String login) {
    }
}
