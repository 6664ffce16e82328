package io.vigil.gateway.event;

import io.smallrye.mutiny.Uni;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.util.List;

@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class EventResource {

    private final EventCatalog catalog;
    private final GatewayConfig config;
    private final CameraScope scope;

    EventResource(EventCatalog catalog, GatewayConfig config, CameraScope scope) {
        this.catalog = catalog;
        this.config = config;
        this.scope = scope;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Events overlapping [from, to), oldest first (by start, then id), each with the recordings that show it",
            description = "An event overlaps when it starts before `to` and its span (start to recordingEnd, else end, "
                    + "else now while it runs) reaches `from`. At most `limit` events: to page on, ask again from the "
                    + "last start received.")
    @APIResponse(responseCode = "400", description = "a bad parameter; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<EventView>> list(
            @Parameter(description = "only this camera's events (an unknown camera has none)") @RestQuery String camera,
            @Parameter(description = "ISO-8601 instant; default: to minus 24 h; at most 31 days before to") @RestQuery String from,
            @Parameter(description = "ISO-8601 instant; default: now") @RestQuery String to,
            @Parameter(description = "only events of this reason",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"continuous", "motion", "manual", "external"})) @RestQuery String reason,
            @Parameter(description = "at most this many events, 1 to 5000",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500", minimum = "1", maximum = "5000")) @RestQuery String limit) {
        EventQuery query = EventQuery.of(camera, from, to, reason, limit, Instant.now(),
                config.defaultQuerySpan(), config.maxQuerySpan());
        return catalog.list(query.visibleTo(scope.cameras()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event with the recordings that show it")
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "404", description = "no such event (or of a camera the caller may not see)")
    public Uni<EventView> get(@RestPath String id) {
        var visible = scope.current();
        return catalog.get(id).map(event -> {
            if (!visible.test(event.cameraId())) {
                throw ProblemException.notFound("no event " + id);
            }
            return event;
        });
    }
}
