package io.vigil.gateway.playback;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import io.vigil.gateway.audit.AuditAction;
import io.vigil.gateway.audit.Audited;
import io.vigil.gateway.audit.ExportHeaders;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import io.vigil.gateway.recording.KnownCameras;
import io.vigil.gateway.recording.RecordingFiles;
import io.vigil.gateway.recording.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Playback of a camera's footage between two instants without transcoding: an HLS playlist over
 * the recording files as they are, or one fragmented MP4 assembled from them.
 */
@Path("/api/cameras/{id}")
@Tag(name = "playback")
public class PlaybackResource {

    private static final String VIDEO_MP4 = "video/mp4";
    /** The recorder's file-name style: no ':' to trouble a file system. */
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);

    private final KnownCameras cameras;
    private final IndexedRecordingRepository recordings;
    private final RecordingFiles files;
    private final GatewayConfig config;
    private final CameraScope scope;
    private final ExportsConfig exports;

    PlaybackResource(KnownCameras cameras, IndexedRecordingRepository recordings, RecordingFiles files, GatewayConfig config,
                     CameraScope scope, ExportsConfig exports) {
        this.cameras = cameras;
        this.recordings = recordings;
        this.files = files;
        this.config = config;
        this.scope = scope;
        this.exports = exports;
    }

    @GET
    @Path("playback.m3u8")
    @RolesAllowed(Roles.VIEWER)
    @Produces(HlsPlaylist.MEDIA_TYPE)
    @Operation(summary = "An HLS VOD playlist (version 7, fMP4 byte ranges of the recordings) covering [from, to)",
            description = "Starts at the keyframe at or before `from` and ends with the fragment holding the last instant"
                    + " before `to`. Segments are byte ranges of /api/recordings/{id}/media.mp4; EXT-X-PROGRAM-DATE-TIME gives"
                    + " the wall-clock time, EXT-X-DISCONTINUITY marks gaps, new sessions and format changes.")
    @APIResponse(responseCode = "200", description = "the playlist")
    @APIResponse(responseCode = "400", description = "from or to missing or malformed, from not before to, or the span too long; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such camera, or no footage in the span")
    @Audited(AuditAction.FOOTAGE_PLAYLIST)
    public Uni<RestResponse<String>> playlist(
            @RestPath String id,
            @Parameter(description = "ISO-8601 instant", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant", required = true) @RestQuery String to) {
        scope.require(id);
        TimeRange span = span(from, to);
        return plan(id, span).map(plan -> RestResponse.ResponseBuilder
                .ok(HlsPlaylist.write(plan, recording -> "/api/recordings/" + recording + "/media.mp4"))
                .type(HlsPlaylist.MEDIA_TYPE)
                .build());
    }

    @GET
    @Path("clip.mp4")
    @RolesAllowed(Roles.OPERATOR) // a clip is an export
    @Produces(VIDEO_MP4)
    @Operation(summary = "One fragmented MP4 covering [from, to): an export, assembled from the recordings, hashed, then sent",
            description = "Starts at the keyframe at or before `from`. A span across a change of video format (codec,"
                    + " resolution) cannot be one MP4: 409, play it through playback.m3u8 instead. The clip is built"
                    + " whole before it is sent: X-Vigil-Export-SHA256 (hex) and Repr-Digest (RFC 9530) carry the SHA-256 of"
                    + " the body, X-Vigil-Export-Id the id of its manifest (GET /api/exports/{id}/manifest).")
    @APIResponse(responseCode = "200", description = "the clip, with a strong ETag, Content-Disposition: attachment and its hash")
    @APIResponse(responseCode = "304", description = "If-None-Match names the clip's ETag")
    @APIResponse(responseCode = "400", description = "from or to missing or malformed, from not before to, or the span too long; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such camera, or no footage in the span")
    @APIResponse(responseCode = "409", description = "the video format changes inside the span")
    @APIResponse(responseCode = "507", description = "no room to build the clip before sending it")
    @Audited(AuditAction.FOOTAGE_EXPORT)
    @Blocking // the clip is written from this thread: files are read and the client waited for
    public RestResponse<StreamingOutput> clip(
            @RestPath String id,
            @Parameter(description = "ISO-8601 instant", required = true) @RestQuery String from,
            @Parameter(description = "ISO-8601 instant", required = true) @RestQuery String to,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        scope.require(id);
        TimeRange span = span(from, to);
        PlaybackPlan plan = await(() -> plan(id, span));
        Clip clip = ClipAssembler.assemble(plan, footage -> files.locate(footage.recordingId(), footage.path()));
        if (clip.tag().matchesAny(ifNoneMatch)) {
            return RestResponse.ResponseBuilder.<StreamingOutput>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, clip.tag().header())
                    .build();
        }
        ExportFile export = ExportFile.write(new ClipStream(clip), exportDirectory(clip.length()));
        return RestResponse.ResponseBuilder.<StreamingOutput>ok(export)
                .type(VIDEO_MP4)
                .header(HttpHeaders.ETAG, clip.tag().header())
                .header(HttpHeaders.CONTENT_LENGTH, export.length())
                .header(ExportHeaders.ID, UUID.randomUUID().toString())
                .header(ExportHeaders.SHA256, export.sha256Hex())
                .header(ExportHeaders.REPR_DIGEST, export.reprDigest())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "_"
                        + FILE_TIME.format(span.from()) + "_" + FILE_TIME.format(span.to()) + ".mp4\"")
                .build();
    }

    /** The directory the export is built in, when it has room for it (507 otherwise). */
    private java.nio.file.Path exportDirectory(long length) {
        java.nio.file.Path directory = exports.directory();
        try {
            Files.createDirectories(directory);
            long room = Files.getFileStore(directory).getUsableSpace();
            if (room < length) {
                throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE, "the clip is " + length
                        + " bytes, but only " + room + " bytes are free to build it; ask for a shorter span");
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the export directory " + directory, e);
        }
    }

    /** Both ends are required; the rest of the rules are the recordings query's. */
    private TimeRange span(String from, String to) {
        if (from == null || from.isBlank()) {
            throw ProblemException.invalid("from", "from is required: an ISO-8601 instant, like 2026-11-22T10:00:00Z");
        }
        if (to == null || to.isBlank()) {
            throw ProblemException.invalid("to", "to is required: an ISO-8601 instant, like 2026-11-22T10:05:00Z");
        }
        return TimeRange.of(from, to, Instant.now(), config.maxPlaybackSpan(), config.maxPlaybackSpan());
    }

    /** The catalog is reactive: its answer is awaited on a Vert.x context of its own. */
    private static <T> T await(Supplier<Uni<T>> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(uni);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The camera's footage covering the span; 404 for an unknown camera or when there is none. */
    private Uni<PlaybackPlan> plan(String id, TimeRange span) {
        return Panache.withSession(() -> cameras.require(id).chain(() -> recordings.overlapping(id, span)))
                // a day of footage is tens of thousands of fragments to decode, choose and write: not on the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<Footage> footage = rows.stream().map(Footage::of).flatMap(Optional::stream).toList();
                    return PlaybackPlanner.plan(footage, span).orElseThrow(() -> ProblemException.notFound(
                            "camera " + id + " has no footage between " + span.from() + " and " + span.to()));
                });
    }
}
