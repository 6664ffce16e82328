package io.vigil.gateway.manual;

import io.smallrye.mutiny.Uni;
import io.vigil.gateway.audit.AuditAction;
import io.vigil.gateway.audit.Audited;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.problem.ErrorCodes;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.storage.VolumeStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/cameras/{id}/recording")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "manual recording")
@RolesAllowed(Roles.OPERATOR)
public class ManualRecordingResource {

    private final ManualRecordings recordings;
    private final VolumeStatus volume;
    private final CameraScope scope;

    ManualRecordingResource(ManualRecordings recordings, VolumeStatus volume, CameraScope scope) {
        this.recordings = recordings;
        this.volume = volume;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start recording the camera now (an event with reason manual); answers once the command is on Kafka")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ManualRecordingRequest.class)))
    @APIResponse(responseCode = "201", description = "started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ManualRecordingView.class)))
    @APIResponse(responseCode = "400", description = "durationSeconds out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such camera")
    @APIResponse(responseCode = "409", description = "the camera is off; or a manual recording already runs: "
            + "`code` -1006 and `eventId` naming it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was started")
    @APIResponse(responseCode = "507", description = "the recordings volume is at or above its block threshold: "
            + "`code` -1010, nothing was started (at warn the start succeeds with a `warning`, code -1008)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(AuditAction.RECORDING_START)
    public Uni<RestResponse<ManualRecordingView>> start(@RestPath String id, ManualRecordingRequest request) {
        scope.require(id);
        ManualRecordingView.Warning warning = volume.admitNewRecording()
                .map(message -> new ManualRecordingView.Warning(ErrorCodes.STORAGE_WARN, message))
                .orElse(null);
        return recordings.start(id, ManualRecordingRequest.duration(request))
                .map(started -> RestResponse.status(RestResponse.Status.CREATED, ManualRecordingView.of(started, warning)));
    }

    /**
     * The same start for a request without a JSON body, as {@code curl -X POST} sends it (no or any
     * other content type): an empty body means "until stopped", anything else is refused.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @Audited(AuditAction.RECORDING_START)
    public Uni<RestResponse<ManualRecordingView>> startWithoutBody(@RestPath String id, String body) {
        if (body != null && !body.isBlank()) {
            throw new NotSupportedException("the body of a manual start must be JSON (application/json)");
        }
        return start(id, null);
    }

    @DELETE
    @Operation(summary = "Stop the camera's manual recording (its post-roll is still recorded); answers once the command is on Kafka")
    @APIResponse(responseCode = "204", description = "stopped")
    @APIResponse(responseCode = "404", description = "no such camera, or no manual recording runs on it")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; the recording goes on")
    @Audited(AuditAction.RECORDING_STOP)
    public Uni<Void> stop(@RestPath String id) {
        scope.require(id);
        return recordings.stop(id);
    }
}
