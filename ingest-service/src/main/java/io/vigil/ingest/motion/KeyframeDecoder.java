package io.vigil.ingest.motion;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Decodes a stream's keyframes, and only those, straight into a small gray picture: the decoder
 * skips every non-key frame ({@code skip_frame=nokey}) and swscale averages the luma down to
 * {@code analysisWidth} cells wide (area averaging also smooths the sensor noise); the deblocking
 * filter is skipped. The picture is
 * one reused array; nothing of the full-size frame reaches the Java heap.
 *
 * <p>One thread and low delay: a frame comes out for the keyframe that went in, not one later.
 * Not thread-safe; {@link MotionWatch} serialises the calls.
 */
final class KeyframeDecoder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyframeDecoder.class);

    /** AV_FRAME_FLAG_CORRUPT (libavutil/frame.h), not mapped by the JavaCPP presets. */
    private static final int FRAME_FLAG_CORRUPT = 1;

    private final int analysisWidth;
    private AVCodecContext decoder;
    private AVFrame frame;
    private SwsContext scaler;
    private BytePointer picture;
    private PointerPointer<BytePointer> pictureData;
    private IntPointer pictureStride;
    private byte[] luma;
    private int width;
    private int height;

    private KeyframeDecoder(int analysisWidth) {
        this.analysisWidth = analysisWidth;
    }

    /** @throws IllegalStateException when FFmpeg has no decoder for the stream or cannot open it */
    static KeyframeDecoder open(AVCodecParameters video, int analysisWidth) {
        KeyframeDecoder opened = new KeyframeDecoder(analysisWidth);
        try {
            opened.start(video);
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void start(AVCodecParameters video) {
        String codecName = avcodec_get_name(video.codec_id()).getString();
        AVCodec codec = avcodec_find_decoder(video.codec_id());
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no decoder for " + codecName);
        }
        decoder = avcodec_alloc_context3(codec);
        if (decoder == null) {
            throw new IllegalStateException("cannot allocate a " + codecName + " decoder");
        }
        check(avcodec_parameters_to_context(decoder, video), "cannot configure the " + codecName + " decoder");
        decoder.skip_frame(AVDISCARD_NONKEY);
        // deblocking smooths block edges, which the averaging down to cells does anyway; skipping it
        // saves a third of a keyframe's decoding (720p: 3.1 -> 2.0 ms, bench/README.md)
        decoder.skip_loop_filter(AVDISCARD_ALL);
        decoder.thread_count(1);
        decoder.flags(decoder.flags() | AV_CODEC_FLAG_LOW_DELAY);
        check(avcodec_open2(decoder, codec, (AVDictionary) null), "cannot open the " + codecName + " decoder");
        frame = av_frame_alloc();
        if (frame == null) {
            throw new IllegalStateException("cannot allocate a frame");
        }
    }

    /**
     * Decodes one keyframe packet (left as it is) into the gray picture.
     *
     * @return the picture, {@link #width()} x {@link #height()} luma bytes row by row, valid until the
     * next call; null when the packet gave no usable frame (corrupt data: logged at debug)
     */
    byte[] decode(AVPacket packet) {
        int sent = avcodec_send_packet(decoder, packet);
        if (sent < 0 && sent != AVERROR_EAGAIN()) {
            LOG.debugf("motion: a keyframe could not be decoded, skipped: %s", error(sent));
            return null;
        }
        boolean scaled = false;
        while (true) {
            int received = avcodec_receive_frame(decoder, frame);
            if (received == AVERROR_EAGAIN() || received == AVERROR_EOF) {
                break;
            }
            if (received < 0) {
                LOG.debugf("motion: a keyframe could not be decoded, skipped: %s", error(received));
                break;
            }
            try {
                scaled |= scale();
            } finally {
                av_frame_unref(frame);
            }
        }
        return scaled ? luma : null;
    }

    /** Width of the picture in cells; 0 before the first frame. */
    int width() {
        return width;
    }

    /** Height of the picture in cells: the frame's aspect ratio at {@code analysisWidth}; 0 before the first frame. */
    int height() {
        return height;
    }

    private boolean scale() {
        if ((frame.flags() & FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0) {
            // a concealed keyframe has gray or smeared blocks that would count as motion
            LOG.debug("motion: a keyframe decoded with errors, skipped");
            return false;
        }
        if (frame.width() <= 0 || frame.height() <= 0) {
            return false;
        }
        if (picture == null) {
            allocatePicture(frame.width(), frame.height());
        }
        // a later change of resolution is scaled to the same picture, so the background stays comparable
        scaler = sws_getCachedContext(scaler, frame.width(), frame.height(), frame.format(),
                width, height, AV_PIX_FMT_GRAY8, SWS_AREA, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (scaler == null) {
            LOG.debugf("motion: cannot scale a %dx%d frame of pixel format %d, skipped", frame.width(), frame.height(), frame.format());
            return false;
        }
        int rows = sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), pictureData, pictureStride);
        if (rows != height) {
            LOG.debugf("motion: scaling a keyframe gave %d rows instead of %d, skipped", rows, height);
            return false;
        }
        picture.get(luma);
        return true;
    }

    private void allocatePicture(int frameWidth, int frameHeight) {
        width = analysisWidth;
        height = (int) Math.max(1, Math.round((double) analysisWidth * frameHeight / frameWidth));
        picture = new BytePointer((long) width * height);
        pictureData = new PointerPointer<>(1);
        pictureData.put(0, picture);
        pictureStride = new IntPointer(1).put(0, width);
        luma = new byte[width * height];
    }

    /** Frees decoder, frame, scaler and picture; safe to call again and after a failed open. */
    @Override
    public void close() {
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (picture != null) {
            pictureData.close();
            pictureStride.close();
            picture.close();
            picture = null;
        }
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + ": " + error(result));
        }
    }

    private static String error(int code) {
        byte[] text = new byte[128];
        av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
