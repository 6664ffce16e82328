package io.vigil.gateway.export;

import io.smallrye.mutiny.Uni;
import io.vigil.gateway.audit.AuditLog;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;
import java.util.function.Predicate;

/** The manifests of exports (clip downloads): a copy can be checked against the hash taken when it was sent. */
@Path("/api/exports")
@Tag(name = "exports")
public class ExportResource {

    private final AuditLog log;
    private final CameraScope scope;

    ExportResource(AuditLog log, CameraScope scope) {
        this.log = log;
        this.scope = scope;
    }

    @GET
    @Path("{id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export's camera, span, size, SHA-256, who exported it and when",
            description = "The id is the X-Vigil-Export-Id header of the clip download.")
    @APIResponse(responseCode = "200", description = "the manifest")
    @APIResponse(responseCode = "404", description = "no export of that id, or of a camera outside the caller's scope")
    @RolesAllowed(Roles.OPERATOR) // those who may export
    public Uni<ExportManifest> manifest(@RestPath String id) {
        Predicate<String> visible = scope.current();
        UUID exportId;
        try {
            exportId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no export " + id);
        }
        return log.export(exportId).map(entry -> entry.map(ExportManifest::of)
                .filter(manifest -> visible.test(manifest.cameraId()))
                .orElseThrow(() -> ProblemException.notFound("no export " + id)));
    }
}
