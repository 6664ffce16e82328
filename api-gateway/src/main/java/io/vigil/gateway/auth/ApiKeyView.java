package io.vigil.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: never the key itself (only {@code key} of the answer that created it). */
@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String name,
                         @Schema(enumeration = {"viewer", "operator", "admin", "metrics"}) String role,
                         @Schema(nullable = true, description = "null: every camera") Set<String> cameras,
                         @Schema(description = "the key's first characters, to tell keys apart") String prefix,
                         Instant createdAt, String createdBy,
                         @Schema(nullable = true) Instant revokedAt,
                         @Schema(nullable = true, description = "the key; only in the answer to POST /api/keys, shown once")
                         String key) {

    ApiKeyView withKey(String key) {
        return new ApiKeyView(id, name, role, cameras, prefix, createdAt, createdBy, revokedAt, key);
    }
}
