package io.vigil.gateway.camera;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The {@code motion} object of a camera request, as sent; absent fields take their defaults. */
@Schema(name = "MotionRequest")
public record MotionRequest(
        @Schema(defaultValue = "true", description = "off: only manual and external triggers start events") Boolean enabled,
        @Schema(minimum = "1", maximum = "100", defaultValue = "50",
                description = "100 counts the faintest brightness change of a cell") Integer sensitivity,
        @Schema(minimum = "0.1", maximum = "100", defaultValue = "1.0",
                description = "percent of the unmasked picture that must change") Double minAreaPercent,
        @Schema(maxItems = 32, description = "parts of the picture to ignore") List<RegionRequest> masks) {
}
