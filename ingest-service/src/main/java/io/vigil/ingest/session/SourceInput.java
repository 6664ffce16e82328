package io.vigil.ingest.session;

import io.vigil.ingest.hls.HlsRetry;
import io.vigil.ingest.hls.HlsSource;
import io.vigil.ingest.hls.SegmentStream;
import io.vigil.ingest.status.FailureKind;
import io.vigil.ingest.tls.CameraTrust;
import io.vigil.ingest.tls.CertificateRefused;
import io.vigil.ingest.tls.RtspsUrl;
import io.vigil.ingest.tls.TlsRelay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A session's source, opened: FFmpeg's input and, for HLS, the segment stream that feeds it. Tells why
 * the session ended when the segment stream knows better than FFmpeg (a playlist that ended, a segment
 * given up, a 403 on a reload).
 */
public final class SourceInput implements AutoCloseable {

    /** How to reach a source. */
    public record Address(String url, Map<String, String> headers, String variant) {
    }

    private final CameraInput input;
    private final SegmentStream segments;
    private final HlsSource hls;
    private final TlsRelay relay;

    private SourceInput(CameraInput input, SegmentStream segments) {
        this(input, segments, null, null);
    }

    private SourceInput(CameraInput input, SegmentStream segments, HlsSource hls, TlsRelay relay) {
        this.input = input;
        this.segments = segments;
        this.hls = hls;
        this.relay = relay;
    }

    /**
     * A live source for a camera. A live playlist is followed from {@code resumeAt} (the segment after the
     * previous session's last) while that is still in it, else from its live edge.
     *
     * @throws StreamFailure also for a VOD playlist: that is an import
     */
    static SourceInput live(String cameraName, Address address, SessionSettings settings, BooleanSupplier stopping, Long resumeAt)
            throws StreamFailure {
        SourceKind kind = SourceKind.of(address.url());
        if (kind == SourceKind.RTSPS && settings.cameraTrust() != null) {
            return verifiedRtsps(address.url(), settings.cameraTrust(), settings.silenceTimeout(), cameraName);
        }
        if (kind != SourceKind.HLS) {
            return new SourceInput(CameraInput.open(address.url(), address.headers(), settings.silenceTimeout()), null);
        }
        HlsSource hls = HlsSource.open(address.url(), address.headers(), address.variant(), settings.hls());
        if (!hls.live()) {
            throw new StreamFailure(FailureKind.FAILURE,
                    "the playlist is VOD (EXT-X-ENDLIST): import it with POST /api/imports instead of recording it as a camera");
        }
        long edge = SegmentStream.liveEdge(hls);
        long first = hls.firstSequence();
        long start = resumeAt != null && resumeAt >= first && resumeAt <= edge + 1 ? resumeAt : edge;
        Duration stall = max(settings.silenceTimeout(), Duration.ofMillis((long) (hls.targetDurationSeconds() * 3_000)));
        SegmentStream segments = new SegmentStream(hls, start, settings.hls(), stopping, stall);
        return new SourceInput(openHls(hls, segments), segments, hls, null);
    }

    /**
     * An rtsps:// camera through a {@link TlsRelay}: its certificate verified first, then FFmpeg reads
     * plain RTSP over TCP from the relay, with the camera's credentials in the URL as before.
     */
    private static SourceInput verifiedRtsps(String url, CameraTrust trust, Duration timeout, String cameraName)
            throws StreamFailure {
        RtspsUrl target;
        try {
            target = RtspsUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new StreamFailure(FailureKind.FAILURE, "cannot open the stream: " + e.getMessage());
        }
        TlsRelay relay;
        try {
            relay = TlsRelay.open(trust, target.host(), target.port(), timeout, cameraName);
        } catch (IOException e) {
            throw tlsFailed(e);
        }
        try {
            // the relayed URL is rtsp://, so CameraInput forces RTSP over TCP: all of it on the one relayed connection
            return new SourceInput(CameraInput.open(target.relayed(relay.port()), timeout), null, null, relay);
        } catch (StreamFailure | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    /** A failed TLS connection, classified like FFmpeg's failures (FailureClassifier). */
    static StreamFailure tlsFailed(IOException error) {
        if (error instanceof CertificateRefused) {
            return new StreamFailure(FailureKind.FAILURE, error.getMessage(), error);
        }
        if (error instanceof ConnectException) {
            return new StreamFailure(FailureKind.REFUSED, "connection refused: " + error.getMessage(), error);
        }
        if (error instanceof SocketTimeoutException) {
            return new StreamFailure(FailureKind.TIMEOUT, "the camera did not answer in time: " + error.getMessage(), error);
        }
        if (error instanceof UnknownHostException) {
            return new StreamFailure(FailureKind.FAILURE, "cannot open the stream: unknown host " + error.getMessage(), error);
        }
        return new StreamFailure(FailureKind.FAILURE, "cannot open the stream over TLS: " + error.getMessage(), error);
    }

    /**
     * A VOD source for an import: an HLS playlist with EXT-X-ENDLIST read from {@code fromSequence} (null:
     * its first segment), or a file FFmpeg reads over HTTP.
     */
    public static SourceInput vod(Address address, HlsRetry retry, Duration timeout, BooleanSupplier stopping,
                                  Long fromSequence) throws StreamFailure {
        if (SourceKind.of(address.url()) != SourceKind.HLS) {
            return new SourceInput(CameraInput.open(address.url(), address.headers(), timeout), null);
        }
        HlsSource hls = HlsSource.open(address.url(), address.headers(), address.variant(), retry);
        if (hls.live()) {
            throw new StreamFailure(FailureKind.FAILURE,
                    "the playlist is live (no EXT-X-ENDLIST): add it as a camera instead of importing it");
        }
        if (fromSequence != null && fromSequence > hls.lastSequence()) {
            throw StreamFailure.complete("no segment after the skipped one");
        }
        long start = fromSequence != null ? fromSequence : SegmentStream.beginning(hls);
        SegmentStream segments = new SegmentStream(hls, start, retry, stopping, timeout);
        return new SourceInput(openHls(hls, segments), segments, hls, null);
    }

    private static CameraInput openHls(HlsSource hls, SegmentStream segments) throws StreamFailure {
        try {
            return CameraInput.open(segments, hls.fragmentedMp4());
        } catch (StreamFailure failure) {
            throw segments.end() == SegmentStream.End.FAILED || segments.end() == SegmentStream.End.SKIPPED
                    ? segments.failure() : failure;
        }
    }

    CameraInput input() {
        return input;
    }

    /** The media's duration: a VOD playlist's, or what the file says; empty when unknown. */
    public Optional<Double> durationSeconds() {
        if (hls != null) {
            return Optional.of(hls.durationSeconds());
        }
        long micros = input.formatContext().duration();
        return micros > 0 ? Optional.of(micros / 1e6) : Optional.empty();
    }

    /** The HLS segment stream, for sources that have one. */
    public Optional<SegmentStream> segments() {
        return Optional.ofNullable(segments);
    }

    /** Why the session ended, given what the copy ended with. */
    StreamFailure outcome(StreamFailure fromCopy) {
        if (segments == null) {
            return fromCopy;
        }
        return switch (segments.end()) {
            case FAILED, SKIPPED -> segments.failure();
            case COMPLETE -> StreamFailure.complete("the playlist ended (EXT-X-ENDLIST)");
            default -> fromCopy;
        };
    }

    @Override
    public void close() {
        input.close();
        if (relay != null) {
            relay.close();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
