package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A user to create (all but cameras required) or a change (each field optional; username ignored). */
@Schema(name = "UserRequest")
public record UserRequest(
        @Schema(description = "1 to 64 of a-z A-Z 0-9 . _ @ -", example = "alice") String username,
        @Schema(description = "at least 10 characters; write-only", writeOnly = true) String password,
        @Schema(enumeration = {"viewer", "operator", "admin"}) String role,
        @Schema(nullable = true, description = "the only cameras the user may see; null or absent: every camera (never for an admin)")
        List<String> cameras) {
}
