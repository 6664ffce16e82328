package io.vigil.ingest.session;

import io.vigil.contracts.MediaPiece;
import io.vigil.fmp4.VideoTrack;
import io.vigil.ingest.fragment.Fmp4Muxer;
import io.vigil.ingest.fragment.PieceAssembler;
import io.vigil.ingest.fragment.SessionOrigin;
import io.vigil.ingest.status.CameraStatusTracker;
import io.vigil.ingest.status.FailureKind;
import io.vigil.ingest.time.SessionClock;
import io.vigil.ingest.time.SessionTimeline;
import io.vigil.ingest.time.TimeBase;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

/**
 * One connected session: packets from the camera, put on the session timeline, shown to the motion
 * detector (video), copied into fragmented MP4, cut into pieces, handed to the sink. The muxer starts
 * with the first keyframe, which is also when the session's wall-clock anchor is read. Ends by
 * throwing the reason.
 */
final class StreamCopy {

    private static final Logger LOG = Logger.getLogger(StreamCopy.class);

    private final String cameraId;
    private final String sessionId;
    private final IntSupplier rotationSeconds;
    private final SessionSettings settings;
    private final CopyObserver status;
    private final PieceSink sink;
    private final BooleanSupplier stopping;
    private final SessionClocks clocks;
    private final SessionOrigin origin;
    private final SessionTimeline timeline = new SessionTimeline(SessionSettings.DISCONTINUITY.toNanos() / 1_000);
    private final MotionTap motion;

    private Fmp4Muxer muxer;
    private SessionClock sessionClock;
    private PieceAssembler assembler;
    private long lastVideoNanos;
    /** System.nanoTime() when the first keyframe started the muxer, i.e. when the session began streaming. */
    private OptionalLong streamingSince = OptionalLong.empty();
    private long discontinuitiesLogged;

    StreamCopy(String cameraId, String sessionId, IntSupplier rotationSeconds, SessionSettings settings,
               CameraStatusTracker status, PieceSink sink, CameraMotion motion, BooleanSupplier stopping, Clock clock,
               SessionOrigin origin) {
        this(cameraId, sessionId, rotationSeconds, settings, status, sink, motion, stopping,
                arrival -> settings.drift().clock(clock.instant(), arrival), origin);
    }

    /** @param clocks the session's clock, made when its first keyframe arrives */
    StreamCopy(String cameraId, String sessionId, IntSupplier rotationSeconds, SessionSettings settings,
               CopyObserver status, PieceSink sink, CameraMotion motion, BooleanSupplier stopping, SessionClocks clocks,
               SessionOrigin origin) {
        this.cameraId = cameraId;
        this.sessionId = sessionId;
        this.rotationSeconds = rotationSeconds;
        this.settings = settings;
        this.status = status;
        this.sink = sink;
        this.stopping = stopping;
        this.clocks = clocks;
        this.origin = origin;
        this.motion = new MotionTap(cameraId, motion);
    }

    /**
     * Copies until the stream fails or the session is stopped; on the way out the last, partial
     * fragment is still delivered.
     *
     * @throws StreamFailure why the stream ended; not thrown when the session was stopped
     */
    void run(CameraInput input) throws StreamFailure {
        lastVideoNanos = System.nanoTime();
        try {
            while (!stopping.getAsBoolean()) {
                AVPacket packet = input.read();
                long now = System.nanoTime();
                if (packet == null) {
                    throw ended(now);
                }
                copy(input, packet, now);
            }
        } finally {
            finish();
        }
    }

    /** When the session began streaming (System.nanoTime()); empty while it has not. */
    OptionalLong streamingSince() {
        return streamingSince;
    }

    private void copy(CameraInput input, AVPacket packet, long now) throws StreamFailure {
        int stream = packet.stream_index();
        boolean video = stream == input.videoStream();
        if (!video && stream != input.audioStream()) {
            av_packet_unref(packet);
            return;
        }
        if (video) {
            lastVideoNanos = now;
        } else if (now - lastVideoNanos > settings.silenceTimeout().toNanos()) {
            throw new StreamFailure(FailureKind.SILENT, "audio but no video for " + settings.silenceTimeout().toSeconds() + " s");
        }
        status.packet(packet.size(), video);
        if (!place(input, packet, video, now)) {
            av_packet_unref(packet);
            return;
        }
        if (video) {
            watchForMotion(input, packet);
        } else {
            // RTSP AAC packets carry no key flag; without it every audio sample is marked non-sync
            packet.flags(packet.flags() | AV_PKT_FLAG_KEY);
            if (input.adtsAudio()) {
                AdtsAudio.strip(packet);
            }
        }
        try {
            muxer.write(packet);
        } catch (IOException e) {
            throw new StreamFailure(FailureKind.FAILURE, "muxing failed: " + e.getMessage(), e);
        }
        if (deliver(muxer.takeOutput()) > 0) {
            measureDrift(now);
        }
        if (timeline.discontinuities() > discontinuitiesLogged) {
            discontinuitiesLogged = timeline.discontinuities();
            LOG.infof("camera %s: the camera's timestamps jumped; smoothed over (%d so far in session %s)",
                    cameraId, discontinuitiesLogged, sessionId);
        }
    }

    /** Moves the packet onto the session timeline, starting the muxer at the first keyframe; false when it cannot be muxed. */
    private boolean place(CameraInput input, AVPacket packet, boolean video, long now) throws StreamFailure {
        // the first packets of an RTSP session often have no timestamp: the muxer could not place them
        if (packet.dts() == AV_NOPTS_VALUE) {
            return false;
        }
        if (!timeline.started()) {
            if (!video || (packet.flags() & AV_PKT_FLAG_KEY) == 0) {
                return false;
            }
            startMuxer(input, packet.dts(), now);
        }
        TimeBase timeBase = video ? input.videoTimeBase() : input.audioTimeBase();
        OptionalLong shift = timeline.shift(packet.stream_index(), packet.dts(), timeBase, now);
        if (shift.isEmpty()) {
            return false;
        }
        long by = shift.getAsLong();
        packet.pts(packet.pts() == AV_NOPTS_VALUE ? packet.dts() + by : packet.pts() + by);
        packet.dts(packet.dts() + by);
        return true;
    }

    /** Before the muxer takes (and unreferences) the packet; at the packet's wall-clock time on the session's timeline. */
    private void watchForMotion(CameraInput input, AVPacket packet) throws StreamFailure {
        try {
            motion.observe(packet, sessionClock.at(input.videoTimeBase().toMicros(packet.dts())));
        } catch (RuntimeException e) {
            av_packet_unref(packet);
            throw new StreamFailure(FailureKind.FAILURE, "cannot hand on media: " + e.getMessage(), e);
        }
    }

    private void startMuxer(CameraInput input, long keyframeDts, long arrivalNanos) throws StreamFailure {
        sessionClock = clocks.start(arrivalNanos);
        timeline.start(keyframeDts, input.videoTimeBase());
        try {
            muxer = Fmp4Muxer.start(input.formatContext(), input.width(), input.height(), input.audioChannels(),
                    settings.fragmentMaxBytes());
        } catch (IOException | RuntimeException e) {
            throw new StreamFailure(FailureKind.FAILURE, "cannot start the MP4 muxer: " + e.getMessage(), e);
        }
        assembler = new PieceAssembler(cameraId, sessionId, rotationSeconds, sessionClock, origin);
        deliver(muxer.takeOutput());
        VideoTrack video = assembler.video()
                .orElseThrow(() -> new StreamFailure(FailureKind.FAILURE, "the MP4 muxer wrote no init segment"));
        motion.start(input.formatContext().streams(input.videoStream()).codecpar());
        status.streaming(video.codec(), input.width(), input.height());
        streamingSince = OptionalLong.of(System.nanoTime());
        LOG.infof("camera %s: streaming %s %dx%d%s, session %s", cameraId, video.codec(), input.width(), input.height(),
                input.audioStream() >= 0 ? " with AAC audio" : "", sessionId);
    }

    /** @return how many pieces were handed on */
    private int deliver(byte[] output) throws StreamFailure {
        if (output.length == 0) {
            return 0;
        }
        try {
            List<MediaPiece> pieces = assembler.feed(output);
            for (MediaPiece piece : pieces) {
                sink.accept(piece);
            }
            return pieces.size();
        } catch (RuntimeException e) {
            throw new StreamFailure(FailureKind.FAILURE, "cannot hand on media: " + e.getMessage(), e);
        }
    }

    /**
     * A piece is complete when the packet after it arrives: its media end against that arrival is one
     * drift sample (per piece, not per packet). A drift slewing cannot absorb ends the session, so the
     * next one starts from a fresh anchor (docs/time.md).
     */
    private void measureDrift(long arrivalNanos) throws StreamFailure {
        sessionClock.measure(arrivalNanos);
        status.clockSkew(sessionClock.skewSeconds());
        if (sessionClock.beyondSlew()) {
            throw new StreamFailure(FailureKind.FAILURE, String.format(Locale.ROOT,
                    "the camera's clock is %.1f s off the ingest clock, more than slewing absorbs (%d s); re-anchoring",
                    sessionClock.residualMicros() / -1e6, settings.drift().maxSkew().toSeconds()));
        }
    }

    private StreamFailure ended(long now) {
        Duration silent = Duration.ofNanos(now - lastVideoNanos);
        // FFmpeg gives up after the silence timeout when no byte arrives; a quicker end is the camera closing the stream
        if (silent.compareTo(settings.silenceTimeout().dividedBy(2)) >= 0) {
            return new StreamFailure(FailureKind.SILENT, "no video for " + silent.toSeconds() + " s");
        }
        return new StreamFailure(FailureKind.FAILURE, "the camera ended the stream");
    }

    /**
     * Delivers the last, partial fragment and frees the muxer, whatever ended the session; then ends
     * motion detection and tells the sink the session is over.
     */
    private void finish() {
        if (muxer == null) {
            return;
        }
        try {
            deliver(muxer.finish());
        } catch (IOException | StreamFailure | RuntimeException e) {
            LOG.debugf("camera %s: the last fragment of session %s is lost: %s", cameraId, sessionId, e.getMessage());
        } finally {
            muxer.close();
        }
        try {
            motion.close();
        } catch (RuntimeException e) {
            LOG.debugf("camera %s: reporting the end of motion in session %s failed: %s", cameraId, sessionId, e.toString());
        }
        try {
            sink.sessionEnded(sessionId);
        } catch (RuntimeException e) {
            LOG.warnf("camera %s: the end of session %s was not handed on: %s", cameraId, sessionId, e.toString());
        }
    }
}
