package io.vigil.gateway.camera;

import io.smallrye.mutiny.Uni;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.audit.AuditAction;
import io.vigil.gateway.audit.Audited;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.status.StatusBoard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/cameras")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cameras")
@APIResponse(responseCode = "400", description = "invalid request; `field` names the culprit",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CameraResource {

    private final CameraRegistry registry;
    private final StatusBoard statuses;
    private final CameraScope scope;

    CameraResource(CameraRegistry registry, StatusBoard statuses, CameraScope scope) {
        this.registry = registry;
        this.statuses = statuses;
        this.scope = scope;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "All cameras the caller may see, by id, with their live status")
    public Uni<List<CameraView>> list() {
        var visible = scope.current();
        return registry.all().map(cameras -> cameras.stream().filter(camera -> visible.test(camera.id())).map(this::view).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One camera with its live status")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "404", description = "no such camera (or not one the caller may see)")
    public Uni<CameraView> get(@RestPath String id) {
        scope.require(id);
        return registry.find(id).map(this::view);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a camera; answers once the configuration is on Kafka")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CameraView.class)))
    @APIResponse(responseCode = "409", description = "a camera with this id exists")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was stored")
    @Audited(AuditAction.CAMERA_CREATE)
    public Uni<RestResponse<CameraView>> create(CameraRequest request, @Context UriInfo uri) {
        CameraSpec spec = CameraValidator.forCreate(request);
        return registry.create(spec).map(camera -> RestResponse.ResponseBuilder
                .<CameraView>created(uri.getAbsolutePathBuilder().path(camera.id()).build())
                .entity(view(camera))
                .build());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a camera; answers once the configuration is on Kafka")
    @APIResponse(responseCode = "404", description = "no such camera")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was changed")
    @RolesAllowed(Roles.ADMIN)
    @Audited(AuditAction.CAMERA_UPDATE)
    public Uni<CameraView> update(@RestPath String id, CameraRequest request) {
        scope.require(id);
        CameraSpec spec = CameraValidator.forUpdate(id, request);
        return registry.update(spec).map(this::view);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a camera (its recordings stay until retention removes them)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such camera")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge; nothing was removed")
    @RolesAllowed(Roles.ADMIN)
    @Audited(AuditAction.CAMERA_DELETE)
    public Uni<Void> delete(@RestPath String id) {
        scope.require(id);
        return registry.delete(id);
    }

    private CameraView view(Camera camera) {
        return CameraView.of(camera, statuses.view(camera.id()));
    }
}
