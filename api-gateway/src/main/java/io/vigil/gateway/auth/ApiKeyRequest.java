package io.vigil.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @Schema(description = "what the key is for, 1 to 64 characters", example = "prometheus") String name,
        @Schema(enumeration = {"viewer", "operator", "admin", "metrics"}) String role,
        @Schema(nullable = true, description = "the only cameras the key may see; null or absent: every camera (never for an admin)")
        List<String> cameras) {
}
