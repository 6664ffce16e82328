package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.List;

@Path("/api/cameras/{id}/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recordings")
public class CameraRecordingsResource {

    private final RecordingRepository recordings;
    private final KnownCameras cameras;
    private final GatewayConfig config;
    private final CameraScope scope;

    CameraRecordingsResource(RecordingRepository recordings, KnownCameras cameras, GatewayConfig config, CameraScope scope) {
        this.recordings = recordings;
        this.cameras = cameras;
        this.config = config;
        this.scope = scope;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    @Operation(summary = "Recordings of a camera overlapping [from, to), by start")
    @APIResponse(responseCode = "400", description = "bad from/to; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such camera, nor any recording of it")
    public Uni<List<RecordingView>> list(
            @RestPath String id,
            @Parameter(description = "ISO-8601 instant; default: to minus 24 h") @RestQuery String from,
            @Parameter(description = "ISO-8601 instant; default: now") @RestQuery String to) {
        scope.require(id);
        TimeRange range = TimeRange.of(from, to, Instant.now(), config.defaultQuerySpan(), config.maxQuerySpan());
        return cameras.require(id)
                .chain(() -> recordings.overlapping(id, range))
                .map(rows -> rows.stream().map(RecordingView::of).toList());
    }
}
