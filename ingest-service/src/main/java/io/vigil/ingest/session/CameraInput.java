package io.vigil.ingest.session;

import io.vigil.ingest.status.FailureKind;
import io.vigil.ingest.time.TimeBase;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

/**
 * A camera's stream opened with FFmpeg, read packet by packet and never decoded: its video stream
 * (H.264 or H.265) and, when it is AAC, its audio stream. Other streams are ignored.
 */
final class CameraInput implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CameraInput.class);

    /** Stream parameters come from the SDP; a short probe opens a camera in about half a second. */
    private static final String PROBE_MICROS = "500000";
    private static final String PROBE_BYTES = "500000";

    private final FFmpegFrameGrabber grabber;
    private final int videoStream;
    private final TimeBase videoTimeBase;
    private final int width;
    private final int height;
    private final int audioStream;
    private final TimeBase audioTimeBase;
    private final int audioChannels;
    /** AAC framed by ADTS (MPEG-TS): each frame's header is cut off before muxing ({@link AdtsAudio}). */
    private final boolean adtsAudio;

    private CameraInput(FFmpegFrameGrabber grabber) throws StreamFailure {
        this.grabber = grabber;
        AVFormatContext context = grabber.getFormatContext();
        int video = -1;
        int audio = -1;
        for (int index = 0; index < context.nb_streams(); index++) {
            AVCodecParameters parameters = context.streams(index).codecpar();
            if (video < 0 && parameters.codec_type() == AVMEDIA_TYPE_VIDEO) {
                video = index;
            } else if (audio < 0 && parameters.codec_type() == AVMEDIA_TYPE_AUDIO && parameters.codec_id() == AV_CODEC_ID_AAC) {
                audio = index;
            }
        }
        if (video < 0) {
            throw new StreamFailure(FailureKind.FAILURE, "the stream has no video");
        }
        String drm = DrmSigns.ofStreams(context);
        if (drm != null) {
            throw drmProtected(drm);
        }
        AVStream videoSt = context.streams(video);
        int codec = videoSt.codecpar().codec_id();
        if (codec != AV_CODEC_ID_H264 && codec != AV_CODEC_ID_HEVC) {
            throw new StreamFailure(FailureKind.FAILURE, "video codec " + avcodec_get_name(codec).getString()
                    + " is not supported: set the camera to H.264 or H.265");
        }
        this.videoStream = video;
        this.videoTimeBase = timeBase(videoSt);
        this.width = videoSt.codecpar().width();
        this.height = videoSt.codecpar().height();
        boolean adts = false;
        if (audio >= 0 && context.streams(audio).codecpar().extradata_size() == 0) {
            String refused = AdtsAudio.configure(context.streams(audio).codecpar());
            if (refused != null) {
                LOG.warnf("%s: the audio is dropped, the video recorded", refused);
                audio = -1;
            } else {
                adts = true;
            }
        }
        this.adtsAudio = adts;
        this.audioStream = audio;
        this.audioTimeBase = audio < 0 ? null : timeBase(context.streams(audio));
        this.audioChannels = audio < 0 ? 0 : context.streams(audio).codecpar().ch_layout().nb_channels();
    }

    /**
     * Opens the stream, waiting at most {@code timeout} for any answer.
     *
     * @throws StreamFailure classified (refused, not found, unauthorized, timeout...) with a redacted message
     */
    static CameraInput open(String url, Duration timeout) throws StreamFailure {
        return open(url, Map.of(), timeout);
    }

    /** Opens a URL FFmpeg reads itself (RTSP, RTSPS, HTTP), sending {@code headers} to an HTTP source. */
    static CameraInput open(String url, Map<String, String> headers, Duration timeout) throws StreamFailure {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        options(url, timeout).forEach(grabber::setOption);
        if (!headers.isEmpty() && url.toLowerCase(Locale.ROOT).startsWith("http")) {
            StringBuilder lines = new StringBuilder();
            headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
            grabber.setOption("headers", lines.toString());
        }
        return start(grabber);
    }

    /**
     * Opens the media of an HLS source that {@code segments} reads (MPEG-TS, or fragmented MP4 when the
     * playlist has an init map). Not seekable: FFmpeg reads it front to back, nothing is kept for seeking.
     */
    static CameraInput open(InputStream segments, boolean fragmentedMp4) throws StreamFailure {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(segments, 0);
        grabber.setFormat(fragmentedMp4 ? "mov" : "mpegts");
        grabber.setOption("analyzeduration", PROBE_MICROS);
        grabber.setOption("probesize", PROBE_BYTES);
        CameraInput input = start(grabber);
        // MPEG-TS stream types (0x1b for H.264...) are no MP4 sample entries: the muxer picks its own
        AVFormatContext context = grabber.getFormatContext();
        for (int index = 0; index < context.nb_streams(); index++) {
            context.streams(index).codecpar().codec_tag(0);
        }
        return input;
    }

    private static CameraInput start(FFmpegFrameGrabber grabber) throws StreamFailure {
        try {
            grabber.start();
        } catch (Exception e) {
            release(grabber);
            throw FailureClassifier.openFailed(e);
        }
        try {
            return new CameraInput(grabber);
        } catch (StreamFailure | RuntimeException e) {
            release(grabber);
            throw e;
        }
    }

    static Map<String, String> options(String url, Duration timeout) {
        String micros = String.valueOf(timeout.toNanos() / 1_000);
        Map<String, String> options = new LinkedHashMap<>();
        if (url.toLowerCase(Locale.ROOT).startsWith("rtsp")) {
            // TCP survives NAT and loss; "timeout" (µs) bounds connect and every read (stimeout is gone since FFmpeg 5)
            options.put("rtsp_transport", "tcp");
            options.put("timeout", micros);
            // skip ONVIF metadata and other data streams
            options.put("allowed_media_types", "video+audio");
        } else {
            options.put("rw_timeout", micros);
        }
        options.put("analyzeduration", PROBE_MICROS);
        options.put("probesize", PROBE_BYTES);
        return options;
    }

    /** The next packet, or null when the stream ended or FFmpeg gave up waiting. Unreference it when done. */
    AVPacket read() throws StreamFailure {
        AVPacket packet;
        try {
            packet = grabber.grabPacket();
        } catch (Exception e) {
            throw new StreamFailure(FailureKind.FAILURE, "reading the stream failed: " + e.getMessage(), e);
        }
        // an encrypted sample is refused before it is copied (it would never play); the grabber frees it
        String drm = packet == null ? null : DrmSigns.ofPacket(packet);
        if (drm != null) {
            throw drmProtected(drm);
        }
        return packet;
    }

    private static StreamFailure drmProtected(String what) {
        return new StreamFailure(FailureKind.DRM_PROTECTED, "the source is DRM-protected (" + what
                + " in the MP4): Vigil records only media it can copy in the clear");
    }

    AVFormatContext formatContext() {
        return grabber.getFormatContext();
    }

    int videoStream() {
        return videoStream;
    }

    TimeBase videoTimeBase() {
        return videoTimeBase;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The AAC stream's index, or -1 when the camera sends no AAC audio. */
    int audioStream() {
        return audioStream;
    }

    boolean adtsAudio() {
        return adtsAudio;
    }

    TimeBase audioTimeBase() {
        return audioTimeBase;
    }

    int audioChannels() {
        return audioChannels;
    }

    @Override
    public void close() {
        release(grabber);
    }

    private static TimeBase timeBase(AVStream stream) {
        return new TimeBase(stream.time_base().num(), stream.time_base().den());
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (Exception e) {
            LOG.debugf("releasing the grabber failed: %s", e.toString());
        }
    }
}
