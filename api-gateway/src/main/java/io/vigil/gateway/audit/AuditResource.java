package io.vigil.gateway.audit;

import io.smallrye.mutiny.Uni;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The audit log (docs/audit.md), for admins. */
@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "audit")
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first",
            description = "Every filter is optional; `from` inclusive, `to` exclusive. Page back by asking again with `to`"
                    + " set to the last entry's `at`.")
    @APIResponse(responseCode = "200", description = "the entries")
    @APIResponse(responseCode = "400", description = "a malformed parameter; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<AuditEntry>> list(
            @Parameter(description = "ISO-8601 instant, inclusive") @RestQuery String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RestQuery String to,
            @Parameter(description = "the principal's name, exactly") @RestQuery String actor,
            @Parameter(description = "an action, e.g. footage.export") @RestQuery String action,
            @Parameter(description = "a camera id") @RestQuery String camera,
            @Parameter(description = "1 to " + AuditQuery.MAX_LIMIT + ", default " + AuditQuery.DEFAULT_LIMIT) @RestQuery String limit) {
        return log.find(AuditQuery.parse(from, to, actor, action, camera, limit));
    }
}
