package io.vigil.ingest.motion;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

/** A media file opened with avformat, read packet by packet the way a camera session reads its stream. */
final class RecordedVideo implements AutoCloseable {

    private final AVFormatContext format;
    private final int videoStream;
    private long firstPts = AV_NOPTS_VALUE;

    private RecordedVideo(AVFormatContext format, int videoStream) {
        this.format = format;
        this.videoStream = videoStream;
    }

    static RecordedVideo open(Path file) {
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        if (avformat_find_stream_info(format, (AVDictionary) null) < 0) {
            avformat_close_input(format);
            throw new IllegalStateException("cannot probe " + file);
        }
        for (int index = 0; index < format.nb_streams(); index++) {
            if (format.streams(index).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return new RecordedVideo(format, index);
            }
        }
        avformat_close_input(format);
        throw new IllegalStateException(file + " has no video");
    }

    AVCodecParameters video() {
        return format.streams(videoStream).codecpar();
    }

    /** Hands each video packet, in file order, to {@code action}; the packet is unreferenced after it. */
    void forEachVideoPacket(Consumer<AVPacket> action) {
        AVPacket packet = av_packet_alloc();
        try {
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() == videoStream) {
                        action.accept(packet);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
        } finally {
            av_packet_free(packet);
        }
    }

    /** When the video packet was shot, after the file's first video packet: the camera's own clock. */
    Duration shotAfterFirst(AVPacket packet) {
        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (firstPts == AV_NOPTS_VALUE) {
            firstPts = pts;
        }
        var timeBase = format.streams(videoStream).time_base();
        return Duration.ofNanos((pts - firstPts) * 1_000_000_000L * timeBase.num() / timeBase.den());
    }

    @Override
    public void close() {
        avformat_close_input(format);
    }
}
