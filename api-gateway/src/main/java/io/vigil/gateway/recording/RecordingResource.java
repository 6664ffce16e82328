package io.vigil.gateway.recording;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.audit.AuditAction;
import io.vigil.gateway.audit.Audited;
import io.vigil.gateway.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import java.util.function.Predicate;

@Path("/api/recordings")
@Tag(name = "recordings")
public class RecordingResource {

    private final RecordingRepository recordings;
    private final RecordingFiles files;
    private final RecordingRetention retention;
    private final CameraScope scope;

    RecordingResource(RecordingRepository recordings, RecordingFiles files, RecordingRetention retention, CameraScope scope) {
        this.recordings = recordings;
        this.files = files;
        this.retention = retention;
        this.scope = scope;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One recording")
    @APIResponse(responseCode = "404", description = "no such recording")
    public Uni<RecordingView> get(@RestPath long id) {
        return find(id, scope.current()).map(RecordingView::of);
    }

    @GET
    @Path("{id}/media")
    @Produces(MediaResponse.VIDEO_MP4)
    @WithSession
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The recording's fragmented MP4; a single byte range is honoured (206), If-None-Match (304) and If-Range")
    @APIResponse(responseCode = "200", description = "the whole file")
    @APIResponse(responseCode = "206", description = "the requested range")
    @APIResponse(responseCode = "304", description = "If-None-Match names the file's ETag")
    @APIResponse(responseCode = "404", description = "no such recording, or its file is gone")
    @APIResponse(responseCode = "416", description = "the range starts beyond the end of the file")
    @Audited(AuditAction.FOOTAGE_MEDIA)
    public Uni<RestResponse<PathPart>> media(@RestPath long id, @RestHeader("Range") String range,
                                             @RestHeader("If-None-Match") String ifNoneMatch,
                                             @RestHeader("If-Range") String ifRange) {
        MediaConditions conditions = new MediaConditions(range, ifNoneMatch, ifRange);
        return find(id, scope.current()).map(recording -> files.locate(recording)
                .map(file -> MediaResponse.of(id, file, conditions))
                .orElseThrow(() -> ProblemException.notFound("the file of recording " + id + " is not on the volume")));
    }

    /**
     * The same bytes under a name ending in {@code .mp4}: the HLS playlist's segment URIs use it, because
     * players that judge a segment by its extension (FFmpeg's HLS demuxer) refuse one without.
     */
    @GET
    @Path("{id}/media.mp4")
    @Produces(MediaResponse.VIDEO_MP4)
    @WithSession
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The same as /media, under a name with a media extension (used by playlists)")
    @APIResponse(responseCode = "200", description = "the whole file")
    @APIResponse(responseCode = "206", description = "the requested range")
    @APIResponse(responseCode = "304", description = "If-None-Match names the file's ETag")
    @APIResponse(responseCode = "404", description = "no such recording, or its file is gone")
    @APIResponse(responseCode = "416", description = "the range starts beyond the end of the file")
    @Audited(AuditAction.FOOTAGE_MEDIA)
    public Uni<RestResponse<PathPart>> mediaMp4(@RestPath long id, @RestHeader("Range") String range,
                                                @RestHeader("If-None-Match") String ifNoneMatch,
                                                @RestHeader("If-Range") String ifRange) {
        return media(id, range, ifNoneMatch, ifRange);
    }

    /** A recording of a camera outside the caller's scope is as missing as one that does not exist. */
    private Uni<Recording> find(long id, Predicate<String> visible) {
        return recordings.findById(id)
                .map(recording -> recording == null || recording.deletingSince() != null
                        || !visible.test(recording.cameraId()) ? null : recording)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no recording " + id));
    }

    /** 404 unless the recording exists and its camera is one the caller may see (checked in a session of its own). */
    private Uni<Recording> visible(long id) {
        Predicate<String> visible = scope.current();
        return Panache.withSession(() -> find(id, visible));
    }

    // ---- retention: lock, unlock, delete (RecordingRetention) ----

    @PUT
    @Path("{id}/lock")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lock the recording: retention and storage protection never delete it, nor DELETE until unlocked")
    @APIResponse(responseCode = "200", description = "locked (also when it already was)")
    @APIResponse(responseCode = "404", description = "no such recording")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.RECORDING_LOCK)
    public Uni<RecordingView> lock(@RestPath long id) {
        return visible(id).chain(() -> retention.setLocked(id, true)).map(RecordingView::of);
    }

    @DELETE
    @Path("{id}/lock")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unlock the recording: retention applies to it again")
    @APIResponse(responseCode = "200", description = "unlocked (also when it was not locked)")
    @APIResponse(responseCode = "404", description = "no such recording")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.RECORDING_UNLOCK)
    public Uni<RecordingView> unlock(@RestPath long id) {
        return visible(id).chain(() -> retention.setLocked(id, false)).map(RecordingView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the recording, file and row (marked first, so nothing is left half-deleted)")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such recording")
    @APIResponse(responseCode = "409", description = "the recording is locked: unlock it first")
    @RolesAllowed(Roles.ADMIN)
    @Audited(AuditAction.RECORDING_DELETE)
    public Uni<Void> delete(@RestPath long id) {
        return visible(id).chain(() -> retention.delete(id));
    }
}
