package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A local user as the API shows it: never the password nor its hash. */
@Schema(name = "User")
public record UserView(UUID id, String username,
                       @Schema(enumeration = {"viewer", "operator", "admin"}) String role,
                       @Schema(nullable = true, description = "null: every camera") Set<String> cameras,
                       Instant createdAt, Instant updatedAt) {
}
