package io.vigil.gateway.export;

import io.vigil.gateway.audit.AuditEntry;

import java.time.Instant;
import java.util.UUID;

/**
 * What an export was: the camera and the span asked for, the SHA-256 and number of the bytes sent,
 * who exported it, when and from where; taken from its audit entry.
 */
public record ExportManifest(UUID exportId, String cameraId, Instant from, Instant to, long bytes, String sha256,
                             String exportedBy, Instant exportedAt, String clientAddress) {

    static ExportManifest of(AuditEntry entry) {
        return new ExportManifest(entry.exportId(), entry.cameraId(), entry.from(), entry.to(), entry.bytes(), entry.sha256(),
                entry.actor(), entry.at(), entry.clientAddress());
    }
}
