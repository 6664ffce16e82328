package io.vigil.gateway.recording;

import io.vigil.gateway.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestResponse;

import io.vigil.gateway.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A recording file as an HTTP answer: the whole file (200) or the one range asked for (206), both
 * announcing Accept-Ranges. Quarkus REST serves a bare Path with 206 but without Accept-Ranges, and
 * loses the 206 when a Path is wrapped in a response, so the range is worked out here and sent as a
 * PathPart; Vert.x streams it from the file and sets Content-Length.
 */
final class MediaResponse {

    static final String VIDEO_MP4 = "video/mp4";

    private MediaResponse() {
    }

    static RestResponse<PathPart> of(Path file, String rangeHeader) {
        long size = size(file);
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
        RestResponse.ResponseBuilder<PathPart> answer = range
                .map(r -> RestResponse.ResponseBuilder.<PathPart>create(RestResponse.Status.PARTIAL_CONTENT)
                        .entity(new PathPart(file, r.first(), r.length()))
                        .header("Content-Range", r.contentRange(size)))
                .orElseGet(() -> RestResponse.ResponseBuilder.ok(new PathPart(file, 0, size)));
        return answer
                .type(VIDEO_MP4)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file.getFileName() + "\"")
                .build();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            // deleted (retention, an operator) since the catalog was read
            throw ProblemException.notFound("the recording's file is no longer on the volume");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
