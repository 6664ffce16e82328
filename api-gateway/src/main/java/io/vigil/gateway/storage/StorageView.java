package io.vigil.gateway.storage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The recordings volume as {@code GET /api/storage} shows it. */
@Schema(name = "Storage")
public record StorageView(
        @Schema(description = "size of the volume, bytes") long total,
        @Schema(description = "bytes this service cannot write (total minus usable)") long used,
        @Schema(description = "bytes still usable") long free,
        @Schema(description = "used share, 0..100") double usedPercent,
        int warnPercent,
        int blockPercent,
        @Schema(enumeration = {"ok", "warn", "block"},
                description = "warn: the oldest unlocked recordings are being deleted; block: new recordings are refused")
        String state,
        @Schema(description = "what the catalog holds per camera (recordings not being deleted)") List<CameraUsage> cameras) {

    /** One camera's catalogued footage. */
    @Schema(name = "CameraStorage")
    public record CameraUsage(String cameraId, long bytes, long recordings) {
    }
}
