package io.vigil.gateway.recording;

import io.vigil.gateway.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A recording file as an HTTP answer: the whole file (200), the one range asked for (206), or 304
 * when the client already has it; all announce Accept-Ranges and a strong ETag. Quarkus REST serves
 * a bare Path with 206 but without Accept-Ranges, and loses the 206 when a Path is wrapped in a
 * response, so the range is worked out here and sent as a PathPart; Vert.x streams it from the file
 * and sets Content-Length.
 */
final class MediaResponse {

    static final String VIDEO_MP4 = "video/mp4";

    private MediaResponse() {
    }

    /**
     * @param conditions the request's Range, If-None-Match and If-Range headers (each may be null)
     */
    static RestResponse<PathPart> of(long recordingId, Path file, MediaConditions conditions) {
        BasicFileAttributes attributes = attributes(file);
        long size = attributes.size();
        EntityTag tag = tag(recordingId, attributes);
        if (tag.matchesAny(conditions.ifNoneMatch())) {
            return RestResponse.ResponseBuilder.<PathPart>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, tag.header())
                    .header("Accept-Ranges", "bytes")
                    .build();
        }
        // a range of another version of the file would splice two versions: send it whole instead
        boolean rangeApplies = conditions.ifRange() == null || tag.matchesStrongly(conditions.ifRange());
        Optional<ByteRange> range = rangeApplies ? ByteRange.parse(conditions.range(), size) : Optional.empty();
        RestResponse.ResponseBuilder<PathPart> answer = range
                .map(r -> RestResponse.ResponseBuilder.<PathPart>create(RestResponse.Status.PARTIAL_CONTENT)
                        .entity(new PathPart(file, r.first(), r.length()))
                        .header("Content-Range", r.contentRange(size)))
                .orElseGet(() -> RestResponse.ResponseBuilder.ok(new PathPart(file, 0, size)));
        return answer
                .type(VIDEO_MP4)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, tag.header())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file.getFileName() + "\"")
                .build();
    }

    /**
     * The catalog id, size and modification time: a closed recording only changes by being cut back
     * or replaced, and either changes the size or the time.
     */
    static EntityTag tag(long recordingId, BasicFileAttributes attributes) {
        return new EntityTag("r" + recordingId + "-" + Long.toHexString(attributes.size())
                + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis()));
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // deleted (retention, an operator) since the catalog was read
            throw ProblemException.notFound("the recording's file is no longer on the volume");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
