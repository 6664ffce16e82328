package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest")
public record LoginRequest(String username, @Schema(writeOnly = true) String password) {
}
