package io.vigil.gateway.camera;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rectangle of a request, as sent: relative to the picture, (0,0) top-left and (1,1) bottom-right. */
@Schema(name = "RegionRequest")
public record RegionRequest(
        @Schema(required = true, minimum = "0", maximum = "1", exclusiveMaximum = true) Double x,
        @Schema(required = true, minimum = "0", maximum = "1", exclusiveMaximum = true) Double y,
        @Schema(required = true, minimum = "0", maximum = "1", exclusiveMinimum = true, description = "x + width at most 1") Double width,
        @Schema(required = true, minimum = "0", maximum = "1", exclusiveMinimum = true, description = "y + height at most 1") Double height) {
}
