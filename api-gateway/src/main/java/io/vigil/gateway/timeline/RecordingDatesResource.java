package io.vigil.gateway.timeline;

import io.smallrye.mutiny.Uni;
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

@Path("/api/cameras/{id}/dates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recordings")
public class RecordingDatesResource {

    private final RecordingDates dates;
    private final CameraScope scope;

    RecordingDatesResource(RecordingDates dates, CameraScope scope) {
        this.dates = dates;
        this.scope = scope;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The days of a month (local to tz) on which the camera has footage, for a calendar")
    @APIResponse(responseCode = "400", description = "bad month or tz; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such camera, nor any recording of it")
    public Uni<RecordingDatesView> get(
            @RestPath String id,
            @Parameter(description = "YYYY-MM; default: the current month in tz", example = "2026-11") @RestQuery String month,
            @Parameter(description = "IANA time zone id; default: UTC", example = "Europe/Berlin") @RestQuery String tz) {
        scope.require(id);
        CalendarMonth calendar = CalendarMonth.of(month, tz, Instant.now());
        return dates.of(id, calendar).map(days ->
                new RecordingDatesView(id, calendar.month().toString(), calendar.zone().getId(), days));
    }
}
