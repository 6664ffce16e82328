package io.vigil.gateway.imports;

import io.smallrye.mutiny.Uni;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.audit.AuditAction;
import io.vigil.gateway.audit.Audited;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    private final Imports imports;
    private final CameraScope scope;

    ImportResource(Imports imports, CameraScope scope) {
        this.imports = imports;
        this.scope = scope;
    }

    /** An import of a camera the caller may not see is as missing as one that does not exist. */
    private java.util.function.UnaryOperator<ImportView> visible(String id) {
        var visible = scope.current();
        return view -> {
            if (!visible.test(view.cameraId())) {
                throw ProblemException.notFound("no import " + id);
            }
            return view;
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a VOD source (HLS with EXT-X-ENDLIST, or MP4) into recordings without transcoding; "
            + "answers once the request is on Kafka")
    @APIResponse(responseCode = "202", description = "accepted: an ingest instance runs it; follow it at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "url, cameraId, start, headers or variant not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was started")
    @Audited(AuditAction.IMPORT_START)
    public Uni<RestResponse<ImportView>> start(ImportRequest request) {
        if (request != null && request.cameraId() != null && !scope.current().test(request.cameraId())) {
            throw CameraScope.notFound(request.cameraId());
        }
        return imports.start(request).map(view -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, view)
                .location(URI.create("/api/imports/" + view.id())).build());
    }

    @GET
    @Operation(summary = "The latest 100 imports, newest first, with their progress")
    public Uni<List<ImportView>> list() {
        var visible = scope.current();
        return imports.list().map(views -> views.stream().filter(view -> visible.test(view.cameraId())).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import with its progress: percent, bytes, speed, ETA; state and, once stopped, reason and error")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "no such import")
    public Uni<ImportView> get(@RestPath String id) {
        return imports.get(id).map(visible(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel the import: it stops within 5 s and keeps what it copied (reason user)")
    @APIResponse(responseCode = "202", description = "the cancel is on Kafka; the import shows cancelling, then cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "no such import")
    @APIResponse(responseCode = "409", description = "the import already stopped")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; the import goes on")
    @Audited(AuditAction.IMPORT_CANCEL)
    public Uni<RestResponse<ImportView>> cancel(@RestPath String id) {
        var check = visible(id);
        return imports.get(id).map(check).chain(() -> imports.cancel(id)).map(view -> RestResponse.status(RestResponse.Status.ACCEPTED, view));
    }
}
