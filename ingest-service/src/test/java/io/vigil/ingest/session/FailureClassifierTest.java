package io.vigil.ingest.session;

import io.vigil.ingest.status.FailureKind;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassifierTest {

    @Test
    void theErrorTagsAreFfmpegs() {
        assertThat(FailureClassifier.HTTP_NOT_FOUND).isEqualTo(avutil.AVERROR_HTTP_NOT_FOUND);
        assertThat(FailureClassifier.HTTP_UNAUTHORIZED).isEqualTo(avutil.AVERROR_HTTP_UNAUTHORIZED);
        assertThat(FailureClassifier.HTTP_FORBIDDEN).isEqualTo(avutil.AVERROR_HTTP_FORBIDDEN);
    }

    @Test
    void refusedConnectionIsRefused() {
        StreamFailure failure = FailureClassifier.openFailed(openError(-111, "rtsp://10.0.0.9:554/live"));

        assertThat(failure.kind()).isEqualTo(FailureKind.REFUSED);
        assertThat(failure.getMessage()).startsWith("connection refused").contains("rtsp://10.0.0.9:554/live");
    }

    @Test
    void httpStyleRepliesAreNotFoundAndUnauthorized() {
        assertThat(FailureClassifier.openFailed(openError(avutil.AVERROR_HTTP_NOT_FOUND, "rtsp://cam/x")).kind())
                .isEqualTo(FailureKind.NOT_FOUND);
        assertThat(FailureClassifier.openFailed(openError(avutil.AVERROR_HTTP_UNAUTHORIZED, "rtsp://cam/x")).kind())
                .isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(FailureClassifier.openFailed(openError(avutil.AVERROR_HTTP_FORBIDDEN, "rtsp://cam/x")).kind())
                .isEqualTo(FailureKind.UNAUTHORIZED);
    }

    @Test
    void timedOutIsTimeout() {
        assertThat(FailureClassifier.openFailed(openError(-110, "rtsp://cam/x")).kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void anythingElseIsAFailureWithItsMessage() {
        StreamFailure invalidData = FailureClassifier.openFailed(openError(avutil.AVERROR_INVALIDDATA, "rtsp://cam/x"));
        StreamFailure noCode = FailureClassifier.openFailed(new Exception("avformat_find_stream_info() failed"));

        assertThat(invalidData.kind()).isEqualTo(FailureKind.FAILURE);
        assertThat(noCode.kind()).isEqualTo(FailureKind.FAILURE);
        assertThat(noCode.getMessage()).contains("avformat_find_stream_info() failed");
    }

    @Test
    void credentialsNeverReachTheMessage() {
        StreamFailure failure = FailureClassifier.openFailed(openError(avutil.AVERROR_HTTP_UNAUTHORIZED,
                "rtsp://admin:s3cret@10.0.0.9/stream1"));

        assertThat(failure.getMessage()).doesNotContain("s3cret").doesNotContain("admin").contains("rtsp://***@10.0.0.9/stream1");
        assertThat(failure.getMessage()).doesNotContain("setFormat").doesNotContain("FFmpegLogCallback").doesNotContain("called");
    }

    /** What JavaCV 1.5.13's FFmpegFrameGrabber.start() throws. */
    private static Exception openError(int code, String url) {
        return new Exception("avformat_open_input() error " + code + ": Could not open input \"" + url
                + "\". (For more details, make sure FFmpegLogCallback.set() has been called.)");
    }
}
