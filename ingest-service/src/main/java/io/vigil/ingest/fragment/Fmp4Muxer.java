package io.vigil.ingest.fragment;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Copies an input's packets, untouched, into fragmented MP4 held in memory: the init segment at
 * start, then a moof+mdat at every video keyframe, or sooner when {@code fragmentMaxBytes} of media
 * are pending (a long GOP becomes several fragments). Never decodes, never encodes.
 */
public final class Fmp4Muxer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Fmp4Muxer.class);

    /**
     * Fragments on keyframes; the moov is written empty first because the output is a stream, not a
     * seekable file; tfhd offsets count from the moof so each fragment stands alone.
     */
    private static final String MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final FFmpegFrameRecorder recorder;

    private Fmp4Muxer(int width, int height, int audioChannels, int fragmentMaxBytes) {
        recorder = new FFmpegFrameRecorder(output, width, height, audioChannels);
        recorder.setFormat("mp4");
        recorder.setOption("movflags", MOVFLAGS);
        recorder.setOption("frag_size", String.valueOf(fragmentMaxBytes));
    }

    /**
     * Starts a muxer whose streams copy those of {@code input}: its video, and its audio when
     * {@code audioChannels} is above 0 (only AAC fits MP4 as is).
     */
    public static Fmp4Muxer start(AVFormatContext input, int width, int height, int audioChannels, int fragmentMaxBytes)
            throws IOException {
        Fmp4Muxer muxer = new Fmp4Muxer(width, height, audioChannels, fragmentMaxBytes);
        try {
            muxer.recorder.start(input);
        } catch (IOException | RuntimeException e) {
            muxer.close();
            throw e;
        }
        return muxer;
    }

    /** Muxes one packet; its timestamps must be in its input stream's time base. The packet is unreferenced. */
    public void write(AVPacket packet) throws IOException {
        recorder.recordPacket(packet);
    }

    /** The bytes written since the last call. */
    public byte[] takeOutput() {
        byte[] bytes = output.toByteArray();
        output.reset();
        return bytes;
    }

    /** Writes the pending fragment (and the closing mfra) and returns the bytes not yet taken. */
    public byte[] finish() throws IOException {
        recorder.stop();
        return takeOutput();
    }

    /** Frees the native muxer; safe after {@link #finish()} and on every error path. */
    @Override
    public void close() {
        try {
            recorder.release();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("releasing the muxer failed: %s", e.toString());
        }
    }
}
