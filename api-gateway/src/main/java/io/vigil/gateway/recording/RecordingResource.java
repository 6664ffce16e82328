package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/recordings")
@Tag(name = "recordings")
public class RecordingResource {

    private final RecordingRepository recordings;
    private final RecordingFiles files;

    RecordingResource(RecordingRepository recordings, RecordingFiles files) {
        this.recordings = recordings;
        this.files = files;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "One recording")
    @APIResponse(responseCode = "404", description = "no such recording")
    public Uni<RecordingView> get(@RestPath long id) {
        return find(id).map(RecordingView::of);
    }

    @GET
    @Path("{id}/media")
    @Produces(MediaResponse.VIDEO_MP4)
    @WithSession
    @Operation(summary = "The recording's fragmented MP4; a single byte range is honoured (206)")
    @APIResponse(responseCode = "200", description = "the whole file")
    @APIResponse(responseCode = "206", description = "the requested range")
    @APIResponse(responseCode = "404", description = "no such recording, or its file is gone")
    @APIResponse(responseCode = "416", description = "the range starts beyond the end of the file")
    public Uni<RestResponse<PathPart>> media(@RestPath long id, @RestHeader("Range") String range) {
        return find(id).map(recording -> files.locate(recording)
                .map(file -> MediaResponse.of(file, range))
                .orElseThrow(() -> ProblemException.notFound("the file of recording " + id + " is not on the volume")));
    }

    private Uni<Recording> find(long id) {
        return recordings.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("no recording " + id));
    }
}
