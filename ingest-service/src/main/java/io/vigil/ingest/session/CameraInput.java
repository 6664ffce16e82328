package io.vigil.ingest.session;

import io.vigil.ingest.status.FailureKind;
import io.vigil.ingest.time.TimeBase;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.logging.Logger;

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
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        options(url, timeout).forEach(grabber::setOption);
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
        try {
            return grabber.grabPacket();
        } catch (Exception e) {
            throw new StreamFailure(FailureKind.FAILURE, "reading the stream failed: " + e.getMessage(), e);
        }
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
