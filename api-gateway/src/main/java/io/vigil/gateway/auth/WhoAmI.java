package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;

/** The caller as the gateway sees them (what the UI shows and hides by). */
@Schema(name = "Caller")
public record WhoAmI(String principal,
                     @Schema(enumeration = {"session", "oidc", "key", "jwt"}) String via,
                     @Schema(description = "the roles granted, each included role too") Set<String> roles,
                     @Schema(nullable = true, description = "null: every camera") Set<String> cameras,
                     @Schema(nullable = true, description = "the session's end, in the answer to a login") Instant expiresAt) {
}
